package dev.onshore.was.catalog.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores {@link AltTexts} in the JSON column of {@code product_image}. */
@Converter(autoApply = true)
class AltTextsJson implements AttributeConverter<AltTexts, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(AltTexts texts) {
        return JSON.writeValueAsString(texts.values());
    }

    @Override
    public AltTexts convertToEntityAttribute(String json) {
        return new AltTexts(JSON.readValue(json, MAP));
    }
}
