/**
 * Inventory: stock per SKU kept in MariaDB, reserved for an order at checkout with a time limit and released on
 * timeout, cancellation or a failed payment. Other areas reserve and read through
 * {@link dev.onshore.was.inventory.Stock} and follow it through {@link dev.onshore.was.inventory.StockChanged}.
 */
@NullMarked
@ApplicationModule(displayName = "Inventory", allowedDependencies = {"catalog", "orders", "payments"})
package dev.onshore.was.inventory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
