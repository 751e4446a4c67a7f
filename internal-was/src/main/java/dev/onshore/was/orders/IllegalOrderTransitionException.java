package dev.onshore.was.orders;

/** The order's state does not allow this move (shipping an unpaid order, cancelling a shipped one). */
public class IllegalOrderTransitionException extends RuntimeException {

    private final String number;
    private final String from;
    private final String action;

    public IllegalOrderTransitionException(String number, String from, String action) {
        super("Order " + number + " cannot " + action + " while " + from);
        this.number = number;
        this.from = from;
        this.action = action;
    }

    public String number() {
        return number;
    }

    public String from() {
        return from;
    }

    public String action() {
        return action;
    }
}
