package dev.onshore.i18n.address;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * How one country writes addresses: which fields a checkout form shows and in which order, which are required,
 * and what a postal code looks like. Data follows Google's libaddressinput (the source Chrome and Android use).
 *
 * @param country           ISO 3166-1 alpha-2
 * @param fields            the fields to show, in the country's order (as written on an envelope)
 * @param required          fields that must be filled; a subset of {@code fields}
 * @param postalCode        the whole-value pattern of a postal code, or null where the country uses none
 * @param postalCodeExample an example for placeholders and error messages, or null
 */
public record AddressFormat(String country, List<AddressField> fields, Set<AddressField> required,
                            @Nullable Pattern postalCode, @Nullable String postalCodeExample) {

    /** Longest value accepted for any field. */
    public static final int MAX_LENGTH = 200;

    public AddressFormat {
        Objects.requireNonNull(country, "country");
        country = country.toUpperCase(Locale.ROOT);
        fields = List.copyOf(fields);
        required = Set.copyOf(required);
        if (!fields.containsAll(required)) {
            throw new IllegalArgumentException(country + ": required fields " + required + " not all in " + fields);
        }
        if (postalCode == null && fields.contains(AddressField.POSTAL_CODE)) {
            throw new IllegalArgumentException(country + " shows a postal code but has no pattern for it");
        }
    }

    static AddressFormat of(String country, String regex, String example, List<AddressField> fields,
                            AddressField... required) {
        return new AddressFormat(country, fields, required.length == 0 ? Set.of() : EnumSet.of(required[0], required),
                Pattern.compile(regex), example);
    }

    /**
     * Field-level problems, in this format's field order; empty when the address is fine. Fields the format does
     * not show are ignored. Never throws for any content.
     */
    public List<AddressError> validate(Address address) {
        List<AddressError> errors = new ArrayList<>();
        for (AddressField field : fields) {
            String value = address.get(field);
            if (value == null) {
                if (required.contains(field)) {
                    errors.add(new AddressError(field, AddressError.REQUIRED));
                }
                continue;
            }
            if (value.length() > MAX_LENGTH) {
                errors.add(new AddressError(field, AddressError.TOO_LONG));
            } else if (hasControlCharacters(value)) {
                errors.add(new AddressError(field, AddressError.INVALID_CHARACTERS));
            } else if (field == AddressField.POSTAL_CODE && postalCode != null
                    && !postalCode.matcher(value.toUpperCase(Locale.ROOT)).matches()) {
                errors.add(new AddressError(field, AddressError.POSTAL_CODE));
            }
        }
        return List.copyOf(errors);
    }

    public boolean isRequired(AddressField field) {
        return required.contains(field);
    }

    private static boolean hasControlCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || Character.getType(c) == Character.FORMAT
                    && c != '\u200c' && c != '\u200d') { // ZWNJ/ZWJ are legitimate in some scripts
                return true;
            }
        }
        return false;
    }
}
