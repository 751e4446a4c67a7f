package dev.onshore.was.accounts;

import dev.onshore.i18n.address.AddressError;
import java.util.List;

/**
 * A profile or address the shop cannot accept: {@code field} names it ({@code displayName}, {@code phone},
 * {@code market}, {@code locale}, {@code currency}, {@code timeZone}, {@code address}), {@code code} says why
 * ({@code too-long}, {@code invalid}, {@code unknown}, {@code not-in-market}); an address carries its errors.
 */
public class InvalidAccountInputException extends RuntimeException {

    private final String field;
    private final String code;
    private final List<AddressError> addressErrors;

    public InvalidAccountInputException(String field, String code) {
        this(field, code, List.of());
    }

    public InvalidAccountInputException(String field, String code, List<AddressError> addressErrors) {
        super(field + ": " + code);
        this.field = field;
        this.code = code;
        this.addressErrors = List.copyOf(addressErrors);
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    public List<AddressError> addressErrors() {
        return addressErrors;
    }
}
