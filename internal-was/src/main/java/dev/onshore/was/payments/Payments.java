package dev.onshore.was.payments;

/**
 * The payments area's public API for other areas (orders, claims): start a payment for an order on the gateway
 * configured for its market, and refund it. The outcome arrives later as an event ({@link PaymentCaptured},
 * {@link PaymentFailed}, {@link RefundIssued}), published once per verified provider notification.
 */
public interface Payments {

    /**
     * Records the payment the order expects (amount and currency, used to check every webhook) and opens the
     * gateway's hosted page. Starting again for the same order reference returns the open session instead of a
     * second one.
     *
     * @throws PaymentProviderException when the gateway refuses or cannot be reached
     */
    PaymentSession start(PaymentRequest request);

    /**
     * Refunds all or part of the order's captured payment. A retry with the same
     * {@link RefundRequest#idempotencyKey()} refunds once; {@link RefundIssued} follows when the gateway confirms.
     * Must be called with no transaction open: the gateway is talked to between two short transactions of its own.
     *
     * @throws PaymentProviderException when the gateway refuses or cannot be reached
     */
    void refund(RefundRequest request);
}
