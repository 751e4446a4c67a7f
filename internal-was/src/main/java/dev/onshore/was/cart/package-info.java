/**
 * Carts: what a guest (an opaque cart token) or a member (a shoppers-realm subject) means to buy in one market,
 * priced on the server from the catalog on every read and checked against stock and the per-order maximum.
 */
@NullMarked
@ApplicationModule(displayName = "Cart", allowedDependencies = {"catalog", "inventory", "security"})
package dev.onshore.was.cart;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
