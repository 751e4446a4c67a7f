package dev.onshore.was.inventory;

/** A reservation asked for more units of {@code sku} than are available; nothing was reserved. */
public class InsufficientStockException extends RuntimeException {

    private final String sku;
    private final int requested;

    public InsufficientStockException(String sku, int requested) {
        super("Not enough stock of " + sku + " for " + requested + " units");
        this.sku = sku;
        this.requested = requested;
    }

    public String sku() {
        return sku;
    }

    public int requested() {
        return requested;
    }
}
