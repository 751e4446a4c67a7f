package dev.onshore.i18n.market;

import dev.onshore.i18n.money.PriceRounding;

import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One country the shop sells to, as configuration. Apps bind their settings to this record (Spring converts
 * "id-ID", "IDR", "Asia/Jakarta" to Locale, Currency and ZoneId; rounding via {@link PriceRounding#parse}).
 *
 * @param country          ISO 3166-1 alpha-2 code, upper-cased here; never null
 * @param defaultLocale    the locale a shopper gets when nothing better is known; must be one of the supported
 * @param supportedLocales locales offered in this market, in preference order; never empty
 * @param currency         the currency prices are shown and charged in
 * @param zone             the market's time zone, for shoppers who chose none
 * @param rounding         how converted prices are rounded for this market
 * @param taxDisplay       whether shelf prices include tax
 */
public record Market(String country, Locale defaultLocale, List<Locale> supportedLocales, Currency currency,
                     ZoneId zone, PriceRounding rounding, TaxDisplay taxDisplay) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public Market {
        Objects.requireNonNull(country, "country");
        country = country.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code: '" + country + "'");
        }
        Objects.requireNonNull(defaultLocale, "defaultLocale");
        supportedLocales = List.copyOf(Objects.requireNonNull(supportedLocales, "supportedLocales"));
        if (supportedLocales.isEmpty()) {
            throw new IllegalArgumentException("market " + country + " supports no locale");
        }
        if (!supportedLocales.contains(defaultLocale)) {
            throw new IllegalArgumentException("market " + country + ": default locale "
                    + defaultLocale.toLanguageTag() + " is not among its supported locales " + supportedLocales);
        }
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(rounding, "rounding");
        Objects.requireNonNull(taxDisplay, "taxDisplay");
    }

    /**
     * A market from configuration text, e.g. {@code of("ID", "id-ID", List.of("id-ID", "en-US"), "IDR",
     * "Asia/Jakarta", "up-to:1000", TaxDisplay.INCLUSIVE)}.
     */
    public static Market of(String country, String defaultLocale, List<String> supportedLocales, String currency,
                            String zone, String rounding, TaxDisplay taxDisplay) {
        return new Market(country, Locale.forLanguageTag(defaultLocale),
                supportedLocales.stream().map(Locale::forLanguageTag).toList(), Currency.getInstance(currency),
                ZoneId.of(zone), PriceRounding.parse(rounding), taxDisplay);
    }

    public boolean supports(Locale locale) {
        return supportedLocales.contains(locale);
    }
}
