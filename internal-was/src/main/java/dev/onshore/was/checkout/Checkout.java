package dev.onshore.was.checkout;

import dev.onshore.was.cart.CartKey;

/**
 * Checkout. Prices are always the catalog's now; an address must be valid for the cart's market.
 *
 * @see InvalidCheckoutException for what is refused
 */
public interface Checkout {

    Quote quote(CartKey cart, CheckoutRequest request, String language);

    /**
     * Places the order, reserves its stock (all or nothing: {@link dev.onshore.was.inventory.InsufficientStockException}
     * otherwise, and nothing is placed), empties the cart and starts the payment.
     *
     * @throws PaymentUnavailableException when the gateway cannot start the payment (the order is cancelled)
     */
    PlacedCheckout placeOrder(CartKey cart, CheckoutRequest request, String language);

    /**
     * Places an order of {@code quantity} units of a hot deal at the deal's price (never a client's), in the
     * address's market, and claims them from the deal in the order's transaction.
     *
     * @param memberSubject the member buying, null for a guest (the e-mail address then counts for the limit)
     * @throws dev.onshore.was.hotdeals.HotDealRefusedException when sold out, over the limit or outside the window
     * @throws dev.onshore.was.hotdeals.UnknownHotDealException when there is no such deal
     * @param quantity positive
     * @throws InvalidCheckoutException {@code hot-deal-outside-market} (the deal's
     *     currency is not the market's, or the product is not sold there), or as for a cart
     */
    PlacedCheckout placeHotDealOrder(java.util.UUID dealId, int quantity,
            @org.jspecify.annotations.Nullable String memberSubject, CheckoutRequest request, String language);
}
