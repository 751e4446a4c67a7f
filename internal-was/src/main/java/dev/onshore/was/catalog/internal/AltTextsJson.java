package dev.onshore.was.catalog.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores {@link AltTexts} in the JSON column of {@code product_image}. Null stays null both ways: Hibernate converts
 * the columns of an embeddable absent from a joined row (e.g. when it merges a detached product) before it finds the
 * embeddable null.
 */
@Converter(autoApply = true)
class AltTextsJson implements AttributeConverter<AltTexts, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    @Override
    public @Nullable String convertToDatabaseColumn(@Nullable AltTexts texts) {
        return texts == null ? null : JSON.writeValueAsString(texts.values());
    }

    @Override
    public @Nullable AltTexts convertToEntityAttribute(@Nullable String json) {
        return json == null ? null : new AltTexts(JSON.readValue(json, MAP));
    }
}
