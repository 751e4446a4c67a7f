package dev.onshore.was.catalog.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores {@link RegulatoryAttributes} in the JSON column of {@code product_regulatory}. Null stays null both ways:
 * Hibernate converts the columns of an embeddable absent from a joined row (e.g. when it merges a detached product)
 * before it finds the embeddable null.
 */
@Converter(autoApply = true)
class RegulatoryAttributesJson implements AttributeConverter<RegulatoryAttributes, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    @Override
    public @Nullable String convertToDatabaseColumn(@Nullable RegulatoryAttributes attributes) {
        return attributes == null ? null : JSON.writeValueAsString(attributes.values());
    }

    @Override
    public @Nullable RegulatoryAttributes convertToEntityAttribute(@Nullable String json) {
        return json == null ? null : new RegulatoryAttributes(JSON.readValue(json, MAP));
    }
}
