package dev.onshore.was.hotdeals;

import java.util.UUID;

/**
 * A hot-deal purchase that cannot be made: {@link #reason()} is {@link #SOLD_OUT} (fewer units left than asked),
 * {@link #OVER_LIMIT} (the customer would pass the per-customer limit; {@link #limit()} says it) or
 * {@link #NOT_OPEN} (before the start, after the end, or cancelled). Nothing was taken.
 */
public class HotDealRefusedException extends RuntimeException {

    public static final String SOLD_OUT = "sold-out";
    public static final String OVER_LIMIT = "over-limit";
    public static final String NOT_OPEN = "not-open";

    private final UUID dealId;
    private final String reason;
    private final int limit;

    HotDealRefusedException(UUID dealId, String reason, int limit) {
        super("hot deal " + dealId + " refused: " + reason);
        this.dealId = dealId;
        this.reason = reason;
        this.limit = limit;
    }

    public UUID dealId() {
        return dealId;
    }

    public String reason() {
        return reason;
    }

    /** The per-customer limit. */
    public int limit() {
        return limit;
    }
}
