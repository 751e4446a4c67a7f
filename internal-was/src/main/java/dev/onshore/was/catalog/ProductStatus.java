package dev.onshore.was.catalog;

/** Where a product is in its life. Only {@link #PUBLISHED} products are shown to shoppers. */
public enum ProductStatus {
    DRAFT, PUBLISHED, SUSPENDED
}
