package dev.onshore.was.catalog.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores {@link MarketPrices} as a JSON object of decimal strings. */
@Converter(autoApply = true)
class MarketPricesJson implements AttributeConverter<MarketPrices, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(MarketPrices prices) {
        var strings = new TreeMap<String, String>();
        prices.values().forEach((market, price) -> strings.put(market, price.toPlainString()));
        return JSON.writeValueAsString(strings);
    }

    @Override
    public MarketPrices convertToEntityAttribute(String json) {
        var prices = new TreeMap<String, BigDecimal>();
        JSON.readValue(json, MAP).forEach((market, price) -> prices.put(market, new BigDecimal(price)));
        return new MarketPrices(prices);
    }
}
