package dev.onshore.was.catalog.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores {@link RegulatoryAttributes} in the JSON column of {@code product_regulatory}. */
@Converter(autoApply = true)
class RegulatoryAttributesJson implements AttributeConverter<RegulatoryAttributes, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(RegulatoryAttributes attributes) {
        return JSON.writeValueAsString(attributes.values());
    }

    @Override
    public RegulatoryAttributes convertToEntityAttribute(String json) {
        return new RegulatoryAttributes(JSON.readValue(json, MAP));
    }
}
