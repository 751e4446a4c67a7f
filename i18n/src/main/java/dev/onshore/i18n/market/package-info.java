/**
 * Markets as configuration: per country the default and supported locales, currency, time zone, price rounding and tax display.
 */
@NullMarked
package dev.onshore.i18n.market;

import org.jspecify.annotations.NullMarked;
