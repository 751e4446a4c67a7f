package dev.onshore.was.claims;

/**
 * A shopper's replacement cannot be had: {@link #reason()} says why. Its message is the field,
 * {@code replacementSku}, as the operators' API reads it.
 */
public class ReplacementRefusedException extends IllegalArgumentException {

    /** Why the replacement was refused. */
    public enum Reason {
        /** Another product than the line's (an exchange swaps variants of one product only). */
        OTHER_PRODUCT,
        /** The order's market does not sell it (any more): unpublished there, discontinued, or no price. */
        NOT_SOLD,
        /** Sold there, but not enough units in stock. */
        OUT_OF_STOCK
    }

    private final String replacementSku;
    private final Reason reason;

    public ReplacementRefusedException(String replacementSku, Reason reason) {
        super("replacementSku");
        this.replacementSku = replacementSku;
        this.reason = reason;
    }

    public String replacementSku() {
        return replacementSku;
    }

    public Reason reason() {
        return reason;
    }
}
