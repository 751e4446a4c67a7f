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
}
