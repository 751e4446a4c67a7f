/**
 * Checkout: turns a cart and an address into a priced quote (subtotal, shipping, tax as the market shows it,
 * total) and then into an order with its stock reserved and its payment started; and the shop API for carts,
 * checkout and orders.
 */
@NullMarked
@ApplicationModule(displayName = "Checkout", allowedDependencies = {"cart", "catalog", "inventory", "orders",
        "payments", "hotdeals"})
package dev.onshore.was.checkout;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
