package dev.onshore.was.shopapi;

import dev.onshore.i18n.context.ShopperContextResolver;
import dev.onshore.i18n.context.ShopperRequest;
import dev.onshore.i18n.geoip.CountryLookup;
import dev.onshore.i18n.market.Market;
import dev.onshore.i18n.market.Markets;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides a store API request's {@link ShopContext} with the pages' precedence, plus the API's explicit choice on
 * top: {@code market}/{@code locale}/{@code currency} parameter &gt; {@code X-Shop-*} header &gt; what dmz-api resolved
 * ({@code X-Onshore-Country/Locale/TimeZone}: choice cookie &gt; Accept-Language &gt; GeoIP) &gt; Accept-Language
 * alone (a caller that did not come through the gateway) &gt; the site default.
 *
 * <p>Only explicit choices can fail: what the gateway or the browser sent is advice and falls back quietly. The
 * gateway's {@code X-Onshore-Currency} (a display preference) is not used: the API prices in the market's currency,
 * which is what checkout charges.
 */
@Component
class ShopContexts {

    static final String MARKET = "market";
    static final String LOCALE = "locale";
    static final String CURRENCY = "currency";
    static final String MARKET_HEADER = "X-Shop-Market";
    static final String LOCALE_HEADER = "X-Shop-Locale";
    static final String CURRENCY_HEADER = "X-Shop-Currency";
    static final String GATEWAY_COUNTRY = "X-Onshore-Country";
    static final String GATEWAY_LOCALE = "X-Onshore-Locale";
    static final String GATEWAY_TIME_ZONE = "X-Onshore-TimeZone";

    /** The request headers whose value changes an answer: what caches must vary on. */
    static final List<String> VARY = List.of("Accept-Language", GATEWAY_COUNTRY, GATEWAY_LOCALE, MARKET_HEADER,
            LOCALE_HEADER, CURRENCY_HEADER);

    /** The markets of the application's {@link Markets} that the storefront has pages (and offers) for. */
    private static final Set<String> STOREFRONT_MARKETS = Set.of("KR", "US", "ID", "MY", "SG", "CN", "JP", "TH");

    private static final int MAX_TAG = 35;

    private final Markets markets;
    private final ShopperContextResolver resolver;

    @Autowired
    ShopContexts(ObjectProvider<Markets> markets) {
        this(storefrontMarkets(markets.getIfAvailable(Markets::defaults)));
    }

    ShopContexts(Markets markets) {
        this.markets = markets;
        // No GeoIP here: the gateway located the client already; a direct caller is located by its headers only.
        this.resolver = new ShopperContextResolver(markets, CountryLookup.none());
    }

    static Markets storefrontMarkets(Markets all) {
        return new Markets(all.all().stream().filter(m -> STOREFRONT_MARKETS.contains(m.country())).toList(),
                all.siteDefault().country());
    }

    Markets markets() {
        return markets;
    }

    /**
     * The request's context.
     *
     * @throws InvalidShopContextException when an explicit market, locale or currency is unknown or not served
     */
    ShopContext resolve(HttpServletRequest request) {
        var implicit = implicit(request);
        var market = implicit.market();
        var marketChoice = explicit(request, MARKET, MARKET_HEADER);
        if (marketChoice != null) {
            market = markets.find(marketChoice).orElseThrow(() -> new InvalidShopContextException(MARKET, "unknown",
                    markets.all().stream().map(Market::country).toList()));
        }
        Locale locale;
        var localeChoice = explicit(request, LOCALE, LOCALE_HEADER);
        if (localeChoice != null) {
            var parsed = parse(localeChoice);
            if (parsed == null) {
                throw new InvalidShopContextException(LOCALE, "unknown", tags(market));
            }
            var chosen = match(parsed, market);
            if (chosen == null) {
                throw new InvalidShopContextException(LOCALE, "unsupported", tags(market));
            }
            locale = chosen;
        } else {
            var fits = match(implicit.locale(), market);
            locale = fits != null ? fits : market.defaultLocale();
        }
        var currencyChoice = explicit(request, CURRENCY, CURRENCY_HEADER);
        if (currencyChoice != null) {
            var currency = currency(currencyChoice);
            if (currency == null) {
                throw new InvalidShopContextException(CURRENCY, "unknown",
                        List.of(market.currency().getCurrencyCode()));
            }
            if (!currency.equals(market.currency())) {
                throw new InvalidShopContextException(CURRENCY, "unsupported",
                        List.of(market.currency().getCurrencyCode()));
            }
        }
        return new ShopContext(market.country(), locale, market.currency(), zone(request, market));
    }

    /**
     * The language to answer in even when {@link #resolve} fails (to say so in the shopper's language); never
     * throws. A well-formed explicit locale counts even when the market does not serve it.
     */
    Locale language(HttpServletRequest request) {
        try {
            return resolve(request).locale();
        } catch (InvalidShopContextException invalid) {
            var choice = explicit(request, LOCALE, LOCALE_HEADER);
            var parsed = choice == null ? null : parse(choice);
            return parsed != null ? parsed : implicit(request).locale();
        }
    }

    private record Implicit(Market market, Locale locale) {
    }

    private Implicit implicit(HttpServletRequest request) {
        var gateway = markets.find(request.getHeader(GATEWAY_COUNTRY));
        if (gateway.isPresent()) {
            var locale = parse(request.getHeader(GATEWAY_LOCALE));
            return new Implicit(gateway.get(), locale != null ? locale : gateway.get().defaultLocale());
        }
        var acceptLanguage = request.getHeader("Accept-Language");
        var context = resolver.resolve(new ShopperRequest(null, null,
                acceptLanguage == null || acceptLanguage.length() > 4096 ? null : acceptLanguage, null,
                request.getHeader("User-Agent")));
        return new Implicit(markets.find(context.country()).orElse(markets.siteDefault()), context.locale());
    }

    private static @Nullable String explicit(HttpServletRequest request, String parameter, String header) {
        var value = request.getParameter(parameter);
        if (value == null) {
            value = request.getHeader(header);
        }
        return value == null ? null : value.strip();
    }

    /** A well-formed BCP 47 tag with a language; null otherwise. */
    static @Nullable Locale parse(@Nullable String tag) {
        if (tag == null || tag.isBlank() || tag.length() > MAX_TAG) {
            return null;
        }
        try {
            var locale = new Locale.Builder().setLanguageTag(tag.strip().replace('_', '-')).build();
            return locale.getLanguage().isEmpty() ? null : locale;
        } catch (IllformedLocaleException malformed) {
            return null;
        }
    }

    /**
     * The market's locale for a requested one: the same tag (any case), the same without script ({@code zh-CN} is
     * {@code zh-Hans-CN}), else the market's first locale in the same language ({@code en} in MY is {@code en-MY}).
     */
    static @Nullable Locale match(Locale requested, Market market) {
        for (var supported : market.supportedLocales()) {
            if (supported.equals(requested) || (supported.getLanguage().equals(requested.getLanguage())
                    && supported.getCountry().equals(requested.getCountry())
                    && (requested.getScript().isEmpty() || requested.getScript().equals(supported.getScript())))) {
                return supported;
            }
        }
        for (var supported : market.supportedLocales()) {
            if (supported.getLanguage().equals(requested.getLanguage())
                    && (requested.getScript().isEmpty() || requested.getScript().equals(supported.getScript()))) {
                return supported;
            }
        }
        return null;
    }

    private static @Nullable Currency currency(String code) {
        if (!code.matches("[A-Za-z]{3}")) {
            return null;
        }
        try {
            return Currency.getInstance(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static List<String> tags(Market market) {
        return market.supportedLocales().stream().map(Locale::toLanguageTag).toList();
    }

    private static ZoneId zone(HttpServletRequest request, Market market) {
        var header = request.getHeader(GATEWAY_TIME_ZONE);
        if (header != null && header.length() <= 64) {
            try {
                return ZoneId.of(header);
            } catch (RuntimeException invalid) {
                // The gateway's zone is advice: an unknown one falls back to the market's.
            }
        }
        return market.zone();
    }
}
