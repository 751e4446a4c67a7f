/**
 * Resolves who the shopper is (country, locale, currency, time zone) from a request, and the codec of the explicit-choice cookie.
 */
@NullMarked
package dev.onshore.i18n.context;

import org.jspecify.annotations.NullMarked;
