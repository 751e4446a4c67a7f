package dev.onshore.was.checkout;

import dev.onshore.was.cart.CartKey;
import dev.onshore.was.orders.PlacedOrder;
import java.util.function.Consumer;

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
    default PlacedCheckout placeOrder(CartKey cart, CheckoutRequest request, String language) {
        return placeOrder(cart, request, language, placed -> { });
    }

    /**
     * As {@link #placeOrder(CartKey, CheckoutRequest, String)}, and runs {@code inOrderTransaction} last in the
     * transaction that places the order (what it throws rolls the order back): where an idempotent request records
     * what it did.
     */
    PlacedCheckout placeOrder(CartKey cart, CheckoutRequest request, String language,
            Consumer<PlacedOrder> inOrderTransaction);

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
    default PlacedCheckout placeHotDealOrder(java.util.UUID dealId, int quantity,
            @org.jspecify.annotations.Nullable String memberSubject, CheckoutRequest request, String language) {
        return placeHotDealOrder(dealId, quantity, memberSubject, request, language, placed -> { });
    }

    /** As the other, running {@code inOrderTransaction} last in the order's transaction. */
    PlacedCheckout placeHotDealOrder(java.util.UUID dealId, int quantity,
            @org.jspecify.annotations.Nullable String memberSubject, CheckoutRequest request, String language,
            Consumer<PlacedOrder> inOrderTransaction);

    /**
     * Answers for an order placed earlier whose answer was lost (its node died after the order committed): starts
     * its payment when it still waits for one (the open session when one was started) and answers as placing did;
     * an order past that (paid, cancelled) answers with its return page as the payment URL.
     *
     * @param accessToken the guest's token as it was issued when the order was placed
     * @param customerName the name the payment page shows
     * @throws dev.onshore.was.orders.UnknownOrderException when there is no such order
     * @throws PaymentUnavailableException when the gateway cannot start the payment (the order is cancelled)
     */
    PlacedCheckout resume(String orderNumber, String accessToken, String customerName);
}
