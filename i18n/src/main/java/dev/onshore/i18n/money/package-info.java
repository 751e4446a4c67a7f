/**
 * Money as an amount and an ISO currency: arithmetic, allocation, ICU rounding and formatting, market price rounding.
 */
@NullMarked
package dev.onshore.i18n.money;

import org.jspecify.annotations.NullMarked;
