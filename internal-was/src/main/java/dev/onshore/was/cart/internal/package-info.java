/** The carts' insides: storage by token hash or member, pricing from the catalog, the quantity rules. */
@NullMarked
package dev.onshore.was.cart.internal;

import org.jspecify.annotations.NullMarked;
