package dev.onshore.was.catalog;

/** Whether a market can order a product now. {@link #DISCONTINUED} offers are never sellable. */
public enum Availability {
    IN_STOCK, OUT_OF_STOCK, DISCONTINUED
}
