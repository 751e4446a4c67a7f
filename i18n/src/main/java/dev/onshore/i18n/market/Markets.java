package dev.onshore.i18n.market;

import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The markets a site sells to and the one it falls back to. Immutable and thread-safe.
 */
public final class Markets {

    private final Map<String, Market> byCountry;
    private final List<Market> ordered;
    private final Market siteDefault;
    private final Set<Currency> currencies;
    private final List<Locale> locales;

    /**
     * @param markets        at least one, no country twice; never null
     * @param defaultCountry the site default; must be one of the markets
     */
    public Markets(List<Market> markets, String defaultCountry) {
        Objects.requireNonNull(markets, "markets");
        Objects.requireNonNull(defaultCountry, "defaultCountry");
        Map<String, Market> map = new LinkedHashMap<>();
        for (Market market : markets) {
            if (map.putIfAbsent(market.country(), market) != null) {
                throw new IllegalArgumentException("market " + market.country() + " is configured twice");
            }
        }
        this.byCountry = Map.copyOf(map);
        String key = defaultCountry.strip().toUpperCase(Locale.ROOT);
        this.siteDefault = Optional.ofNullable(map.get(key)).orElseThrow(() -> new IllegalArgumentException(
                "default country " + defaultCountry + " is not one of the markets " + map.keySet()));
        Set<Currency> currencySet = new LinkedHashSet<>();
        Set<Locale> localeSet = new LinkedHashSet<>(siteDefault.supportedLocales());
        for (Market market : map.values()) {
            currencySet.add(market.currency());
            localeSet.addAll(market.supportedLocales());
        }
        this.currencies = Set.copyOf(currencySet);
        this.locales = List.copyOf(localeSet);
        this.ordered = List.copyOf(map.values());
    }

    /**
     * KR (site default), US, ID, MY, SG, CN, JP, TH, VN with their usual currency, zone, rounding and tax display.
     */
    public static Markets defaults() {
        return new Markets(List.of(
                Market.of("KR", "ko-KR", List.of("ko-KR", "en-US"), "KRW", "Asia/Seoul", "standard",
                        TaxDisplay.INCLUSIVE),
                Market.of("US", "en-US", List.of("en-US", "ko-KR"), "USD", "America/New_York", "ending:0.99",
                        TaxDisplay.EXCLUSIVE),
                Market.of("ID", "id-ID", List.of("id-ID", "en-US"), "IDR", "Asia/Jakarta", "up-to:1000",
                        TaxDisplay.INCLUSIVE),
                Market.of("MY", "ms-MY", List.of("ms-MY", "en-MY", "zh-Hans-MY"), "MYR", "Asia/Kuala_Lumpur",
                        "ending:0.90", TaxDisplay.INCLUSIVE),
                Market.of("SG", "en-SG", List.of("en-SG", "zh-Hans-SG", "ms-SG"), "SGD", "Asia/Singapore",
                        "ending:0.90", TaxDisplay.INCLUSIVE),
                Market.of("CN", "zh-Hans-CN", List.of("zh-Hans-CN"), "CNY", "Asia/Shanghai", "ending:0.90",
                        TaxDisplay.INCLUSIVE),
                Market.of("JP", "ja-JP", List.of("ja-JP", "en-US"), "JPY", "Asia/Tokyo", "up-to:10",
                        TaxDisplay.INCLUSIVE),
                Market.of("TH", "th-TH", List.of("th-TH", "en-US"), "THB", "Asia/Bangkok", "up-to:10",
                        TaxDisplay.INCLUSIVE),
                Market.of("VN", "vi-VN", List.of("vi-VN", "en-US"), "VND", "Asia/Ho_Chi_Minh", "up-to:1000",
                        TaxDisplay.INCLUSIVE)),
                "KR");
    }

    /** The market of an ISO country code (any case); empty for null, blank or unknown codes. */
    public Optional<Market> find(@Nullable String country) {
        if (country == null || country.length() != 2) {
            return Optional.empty();
        }
        return Optional.ofNullable(byCountry.get(country.toUpperCase(Locale.ROOT)));
    }

    public Market siteDefault() {
        return siteDefault;
    }

    /** All markets in configuration order; never null. */
    public List<Market> all() {
        return ordered;
    }

    /** Every currency some market uses (what a shopper may choose to see prices in). */
    public Set<Currency> currencies() {
        return currencies;
    }

    /** Every supported locale of every market, the site default's first, without duplicates. */
    public List<Locale> locales() {
        return locales;
    }

    public Collection<String> countries() {
        return byCountry.keySet();
    }
}
