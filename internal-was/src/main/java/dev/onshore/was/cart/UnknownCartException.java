package dev.onshore.was.cart;

/** No cart for this token or member. */
public class UnknownCartException extends RuntimeException {

    public UnknownCartException() {
        super("No such cart");
    }
}
