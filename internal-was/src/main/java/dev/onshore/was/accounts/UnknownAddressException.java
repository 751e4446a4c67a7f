package dev.onshore.was.accounts;

/** No address with this id in the caller's address book (whether or not another shopper has one). */
public class UnknownAddressException extends RuntimeException {

    public UnknownAddressException() {
        super("unknown address");
    }
}
