/** Checkout's insides: shipping fees, taxes, the base-currency snapshot and the order placement sequence. */
@NullMarked
package dev.onshore.was.checkout.internal;

import org.jspecify.annotations.NullMarked;
