/**
 * Globalization for every Onshore app: who the shopper is (country, locale, currency, time zone), money, exchange
 * rates and address formats. Depends on no Onshore app.
 */
@NullMarked
package dev.onshore.i18n;

import org.jspecify.annotations.NullMarked;
