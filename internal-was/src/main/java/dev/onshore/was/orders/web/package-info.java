/** The orders' admin API: operators search orders and move them through their life, claims and refunds. */
@NullMarked
package dev.onshore.was.orders.web;

import org.jspecify.annotations.NullMarked;
