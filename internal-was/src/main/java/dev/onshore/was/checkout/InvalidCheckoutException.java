package dev.onshore.was.checkout;

import dev.onshore.i18n.address.AddressError;
import java.util.List;

/**
 * A checkout that cannot go on as asked: {@code code} is {@code invalid-address} (see {@link #addressErrors()}),
 * {@code address-outside-market}, {@code unknown-shipping-method}, {@code invalid-email}, {@code empty-cart} or
 * {@code cart-not-orderable}.
 */
public class InvalidCheckoutException extends RuntimeException {

    private final String code;
    private final List<AddressError> addressErrors;

    public InvalidCheckoutException(String code) {
        this(code, List.of());
    }

    public InvalidCheckoutException(String code, List<AddressError> addressErrors) {
        super("Checkout refused: " + code);
        this.code = code;
        this.addressErrors = List.copyOf(addressErrors);
    }

    public String code() {
        return code;
    }

    public List<AddressError> addressErrors() {
        return addressErrors;
    }
}
