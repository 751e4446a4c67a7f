package dev.onshore.was.orders;

/**
 * A claim's line does not fit the order: {@link #field()} is {@code sku} (no line of that SKU) or {@code quantity}
 * (not between one and the line's quantity, {@link #limit()}). Its message is the field, as the operators' API reads
 * it.
 */
public class ClaimLineException extends IllegalArgumentException {

    public static final String SKU = "sku";
    public static final String QUANTITY = "quantity";

    private final String field;
    private final String sku;
    private final int limit;

    public ClaimLineException(String field, String sku, int limit) {
        super(field);
        this.field = field;
        this.sku = sku;
        this.limit = limit;
    }

    public String field() {
        return field;
    }

    public String sku() {
        return sku;
    }

    /** The line's quantity; 0 when there is no such line. */
    public int limit() {
        return limit;
    }
}
