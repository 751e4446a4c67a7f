package dev.onshore.was.catalog;

/** An edit named a version of the product that is no longer current: someone changed it since. Nothing saved. */
public class StaleProductException extends RuntimeException {

    private final String sku;
    private final long edited;
    private final long current;

    public StaleProductException(String sku, long edited, long current) {
        super("Product " + sku + " is at version " + current + ", the edit was of version " + edited);
        this.sku = sku;
        this.edited = edited;
        this.current = current;
    }

    public String sku() {
        return sku;
    }

    public long edited() {
        return edited;
    }

    public long current() {
        return current;
    }
}
