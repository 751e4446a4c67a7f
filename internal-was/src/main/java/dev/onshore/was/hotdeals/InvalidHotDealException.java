package dev.onshore.was.hotdeals;

/** A hot deal cannot be scheduled as asked; {@link #field()} names what is missing or out of range. */
public class InvalidHotDealException extends RuntimeException {

    private final String field;

    InvalidHotDealException(String field) {
        super("invalid hot deal: " + field);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
