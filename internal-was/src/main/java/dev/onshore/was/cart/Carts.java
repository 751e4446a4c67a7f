package dev.onshore.was.cart;

import java.util.Optional;

/**
 * The carts. Quantities are checked against the catalog's per-order maximum and the stock on every change; prices
 * come from the catalog on every read. {@link UnknownCartException} when the key opens no cart.
 */
public interface Carts {

    /** Most lines a cart holds. */
    int MAX_LINES = 50;

    /** A new empty cart in {@code market}; a member who has a cart there gets theirs back. */
    CreatedCart create(String market, @org.jspecify.annotations.Nullable String memberSubject, String language);

    Optional<CartView> find(CartKey key, String language);

    /** Adds {@code quantity} units (to those already in the cart). */
    CartView add(CartKey key, String sku, int quantity, String language);

    /** Sets a line's quantity. */
    CartView update(CartKey key, String sku, int quantity, String language);

    CartView remove(CartKey key, String sku, String language);

    /**
     * Moves a guest's cart into the member's cart of the same market when the guest logs in: quantities add up,
     * capped at the per-order maximum and the stock; lines that can no longer be bought are left out. The guest
     * cart is gone afterwards (its token opens nothing). Empty when the token opens no guest cart.
     */
    Optional<CartView> merge(String guestToken, String memberSubject, String language);

    /** Empties the cart (after its order was placed). */
    void clear(CartKey key);
}
