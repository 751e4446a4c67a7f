package dev.onshore.was.cart;

/**
 * A line that cannot go in (or stay in) the cart; nothing was changed.
 *
 * @see #code() {@link #UNKNOWN_SKU}, {@link #NOT_SELLABLE}, {@link #VARIANT_REQUIRED}, {@link #QUANTITY},
 *     {@link #MAX_PER_ORDER}, {@link #INSUFFICIENT_STOCK}, {@link #TOO_MANY_LINES}, {@link #NOT_IN_CART}
 */
public class InvalidCartLineException extends RuntimeException {

    public static final String UNKNOWN_SKU = "unknown-sku";
    public static final String NOT_SELLABLE = "not-sellable";
    public static final String VARIANT_REQUIRED = "variant-required";
    public static final String QUANTITY = "quantity";
    public static final String MAX_PER_ORDER = "max-per-order";
    public static final String INSUFFICIENT_STOCK = "insufficient-stock";
    public static final String TOO_MANY_LINES = "too-many-lines";
    public static final String NOT_IN_CART = "not-in-cart";

    private final String sku;
    private final String code;
    private final int limit;

    public InvalidCartLineException(String sku, String code, int limit) {
        super("Cart line " + sku + ": " + code);
        this.sku = sku;
        this.code = code;
        this.limit = limit;
    }

    public String sku() {
        return sku;
    }

    public String code() {
        return code;
    }

    /** The limit that applies (maximum per order, units available), 0 when none. */
    public int limit() {
        return limit;
    }
}
