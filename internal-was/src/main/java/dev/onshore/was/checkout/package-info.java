/**
 * Checkout: turns a cart and an address into a priced quote (subtotal, coupon discount, shipping, tax as the
 * market shows it, total) and then into an order with its stock reserved, its coupon redeemed and its payment
 * started; operators' coupons; and the shop API for carts, checkout and orders (with the shopper's returns and
 * exchanges).
 */
@NullMarked
@ApplicationModule(displayName = "Checkout", allowedDependencies = {"cart", "catalog", "inventory", "orders",
        "payments", "adminapi", "hotdeals", "audit", "accounts", "claims", "pii", "idempotency", "shared"})
package dev.onshore.was.checkout;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
