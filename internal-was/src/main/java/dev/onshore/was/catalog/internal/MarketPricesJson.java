package dev.onshore.was.catalog.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores {@link MarketPrices} as a JSON object of decimal strings. Null stays null both ways: Hibernate converts the
 * columns of a variant absent from a joined row (e.g. when it merges a detached product) before it finds the variant
 * null; a variant itself never holds null prices ({@link ProductVariant} makes them {@link MarketPrices#NONE}).
 */
@Converter(autoApply = true)
class MarketPricesJson implements AttributeConverter<MarketPrices, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    @Override
    public @Nullable String convertToDatabaseColumn(@Nullable MarketPrices prices) {
        if (prices == null) {
            return null;
        }
        var strings = new TreeMap<String, String>();
        prices.values().forEach((market, price) -> strings.put(market, price.toPlainString()));
        return JSON.writeValueAsString(strings);
    }

    @Override
    public @Nullable MarketPrices convertToEntityAttribute(@Nullable String json) {
        if (json == null) {
            return null;
        }
        var prices = new TreeMap<String, BigDecimal>();
        JSON.readValue(json, MAP).forEach((market, price) -> prices.put(market, new BigDecimal(price)));
        return new MarketPrices(prices);
    }
}
