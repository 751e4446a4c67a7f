package dev.onshore.was.orders;

import java.time.Instant;

/**
 * A shopper's return or exchange asked for after the window for claims closed ({@code onshore.orders.claims.window}
 * after delivery), or after the shopper confirmed the purchase. Operators may still record one.
 */
public class ClaimWindowClosedException extends IllegalOrderTransitionException {

    private final Instant closedAt;

    public ClaimWindowClosedException(String number, String from, String action, Instant closedAt) {
        super(number, from, action);
        this.closedAt = closedAt;
    }

    /** When the window closed. */
    public Instant closedAt() {
        return closedAt;
    }
}
