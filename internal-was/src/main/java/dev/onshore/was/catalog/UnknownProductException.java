package dev.onshore.was.catalog;

/** No product has this SKU. */
public class UnknownProductException extends RuntimeException {

    private final String sku;

    public UnknownProductException(String sku) {
        super("No product with SKU " + sku);
        this.sku = sku;
    }

    public String sku() {
        return sku;
    }
}
