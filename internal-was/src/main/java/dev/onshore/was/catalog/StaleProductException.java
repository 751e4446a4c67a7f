package dev.onshore.was.catalog;

import dev.onshore.was.shared.StaleEditException;

/** An edit named a version of the product that is no longer current: someone changed it since. Nothing saved. */
public class StaleProductException extends StaleEditException {

    private final String sku;

    public StaleProductException(String sku, long edited, long current) {
        super("Product " + sku + " is at version " + current + ", the edit was of version " + edited, edited, current);
        this.sku = sku;
    }

    public String sku() {
        return sku;
    }
}
