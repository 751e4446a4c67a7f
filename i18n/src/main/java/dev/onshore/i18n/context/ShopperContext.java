package dev.onshore.i18n.context;

import com.ibm.icu.util.ULocale;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * Who the shopper is for this request: the market's country, the language, the display currency and time zone,
 * and which signal decided it. Never null parts.
 *
 * @param country    ISO 3166-1 alpha-2 of the market
 * @param locale     the language and formatting locale
 * @param currency   the currency to show prices in
 * @param zoneId     the time zone to show times in
 * @param resolvedBy which signal decided
 */
public record ShopperContext(String country, Locale locale, Currency currency, ZoneId zoneId,
                             Resolution resolvedBy) {

    public ShopperContext {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(zoneId, "zoneId");
        Objects.requireNonNull(resolvedBy, "resolvedBy");
    }

    /** The locale for ICU formatters. */
    public ULocale ulocale() {
        return ULocale.forLocale(locale);
    }
}
