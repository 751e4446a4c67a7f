package dev.onshore.was.catalog.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores {@link Labels} as a JSON object. */
@Converter(autoApply = true)
class LabelsJson implements AttributeConverter<Labels, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    /** Null stays null: a product without an option has no option labels. */
    @Override
    public @Nullable String convertToDatabaseColumn(@Nullable Labels labels) {
        return labels == null ? null : JSON.writeValueAsString(labels.values());
    }

    @Override
    public @Nullable Labels convertToEntityAttribute(@Nullable String json) {
        return json == null ? null : new Labels(JSON.readValue(json, MAP));
    }
}
