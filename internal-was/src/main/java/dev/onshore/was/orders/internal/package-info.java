/** The orders' insides: the aggregate and its rules, persistence, and the reactions to payments. */
@NullMarked
package dev.onshore.was.orders.internal;

import org.jspecify.annotations.NullMarked;
