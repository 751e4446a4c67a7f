package dev.onshore.was.orders;

/** No order has this number (or none the caller may see). */
public class UnknownOrderException extends RuntimeException {

    private final String number;

    public UnknownOrderException(String number) {
        super("No order " + number);
        this.number = number;
    }

    public String number() {
        return number;
    }
}
