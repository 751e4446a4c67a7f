package dev.onshore.was.catalog;

/**
 * Where a product is in its life: {@code DRAFT → PENDING_APPROVAL → APPROVED → PUBLISHED ⇄ SUSPENDED}, with a
 * rejection sending a pending product back to {@link #DRAFT}. Only {@link #PUBLISHED} products are shown to shoppers.
 */
public enum ProductStatus {
    DRAFT, PENDING_APPROVAL, APPROVED, PUBLISHED, SUSPENDED
}
