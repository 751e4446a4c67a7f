/**
 * Marketplace orders: orders taken on external channels, imported from the channels' exports (.xlsx or .csv) as paid
 * orders with their stock taken, and the operators' mapping of the channels' product codes to our SKUs.
 */
@NullMarked
@ApplicationModule(displayName = "Marketplace", allowedDependencies = {"orders", "inventory", "catalog", "audit",
        "adminapi"})
package dev.onshore.was.marketplace;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
