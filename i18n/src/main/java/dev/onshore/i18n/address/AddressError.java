package dev.onshore.i18n.address;

import java.util.Objects;

/**
 * One problem with one field. {@code code} is stable and doubles as the message key suffix
 * ({@code address.error.<code>}) in the bundles.
 *
 * @param field the field at fault; never null
 * @param code  {@code required}, {@code postalCode}, {@code tooLong}, {@code invalidCharacters},
 *              {@code unsupportedCountry}; never null
 */
public record AddressError(AddressField field, String code) {

    public static final String REQUIRED = "required";
    public static final String POSTAL_CODE = "postalCode";
    public static final String TOO_LONG = "tooLong";
    public static final String INVALID_CHARACTERS = "invalidCharacters";
    public static final String UNSUPPORTED_COUNTRY = "unsupportedCountry";

    public AddressError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
    }

    public String messageKey() {
        return "address.error." + code;
    }
}
