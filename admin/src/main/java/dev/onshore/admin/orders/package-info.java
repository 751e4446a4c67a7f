/**
 * The back office's orders, exchange-rate and hot-deal screens: order search and bundles ready to ship, an order's
 * timeline and the moves its state allows, rates with their history and overrides, hot deals. Every call goes to
 * the internal WAS's admin API, which enforces the operator's roles again.
 */
@NullMarked
package dev.onshore.admin.orders;

import org.jspecify.annotations.NullMarked;
