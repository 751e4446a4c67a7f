package dev.onshore.i18n.address;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A postal address as entered: the country and the fields filled in. Blank fields are dropped; values are
 * stripped of surrounding whitespace. Validate with {@link AddressFormat#validate(Address)}.
 *
 * @param country ISO 3166-1 alpha-2, upper-cased; never null
 * @param fields  the filled fields; never null, may be empty
 */
public record Address(String country, Map<AddressField, String> fields) {

    public Address {
        Objects.requireNonNull(country, "country");
        country = country.strip().toUpperCase(Locale.ROOT);
        Map<AddressField, String> copy = new EnumMap<>(AddressField.class);
        Objects.requireNonNull(fields, "fields").forEach((field, value) -> {
            if (value != null && !value.isBlank()) {
                copy.put(field, value.strip());
            }
        });
        fields = Map.copyOf(copy);
    }

    /** The value of a field, or null when it was left empty. */
    public @Nullable String get(AddressField field) {
        return fields.get(field);
    }
}
