package dev.onshore.was.shopapi;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * Whom a store API request answers for. A controller under {@code /api/shop/v1} receives it by declaring a parameter
 * of this type; the {@code market}, {@code locale} and {@code currency} query parameters (or the {@code X-Shop-Market},
 * {@code X-Shop-Locale}, {@code X-Shop-Currency} headers) win over what the gateway resolved from the choice cookie,
 * Accept-Language and GeoIP. An unknown market, locale or currency is a 400 problem, never a silent fallback.
 *
 * @param market ISO 3166-1 alpha-2 code of the market whose offers and prices apply
 * @param locale one of the market's supported locales: the language of texts and the formatting of prices
 * @param currency the market's currency: what prices are in and what is charged
 * @param zone the shopper's time zone (the gateway's, else the market's), for showing times
 */
public record ShopContext(String market, Locale locale, Currency currency, ZoneId zone) {

    public ShopContext {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(zone, "zone");
    }

    /** The language the catalog's texts are asked in ({@code zh} for {@code zh-Hans-CN}). */
    public String language() {
        return locale.getLanguage();
    }
}
