/**
 * Marketplace orders: orders taken on external channels, imported from the channels' exports (.xlsx or .csv) as paid
 * orders with their stock taken, shipping (the channel's fee, else the market's rule) and tax (the market's rate)
 * charged as the shop's checkout charges them, and the operators' mapping of the channels' product codes to our SKUs.
 */
@NullMarked
@ApplicationModule(displayName = "Marketplace", allowedDependencies = {"orders", "inventory", "catalog", "audit",
        "adminapi", "checkout", "jobs"})
package dev.onshore.was.marketplace;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
