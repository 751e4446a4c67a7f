package dev.onshore.was.catalog.internal;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A variant's own list prices per market, in each market's currency; stored as a JSON object of decimal strings
 * (never JSON numbers, which readers may turn into floating point).
 */
public record MarketPrices(Map<String, BigDecimal> values) {

    public MarketPrices {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
        values.forEach((market, price) -> {
            if (!market.matches("[A-Z]{2}") || price.signum() <= 0 || price.scale() > 4) {
                throw new IllegalArgumentException("Bad own price in " + market + ": " + price);
            }
        });
    }

    public static final MarketPrices NONE = new MarketPrices(Map.of());
}
