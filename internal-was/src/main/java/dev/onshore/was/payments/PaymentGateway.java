package dev.onshore.was.payments;

/**
 * One payment provider, seen through what Onshore needs of it: a hosted payment page for an order, refunds, and
 * the verification of its webhooks. Implementations talk only to the provider; they write nothing to the
 * database and publish no events (the payments area does that once per verified notification).
 * <p>
 * Implementations never see card data: the shopper types it on the provider's own page.
 */
public interface PaymentGateway {

    /** The provider's stable name as used in configuration and stored with each payment ({@code sandbox}, {@code midtrans}). */
    String provider();

    /**
     * Opens a hosted payment page for one order. Calling it twice with the same
     * {@link PaymentRequest#orderReference()} must not create two chargeable sessions at the provider (providers
     * refuse a duplicate order id or return the first session).
     *
     * @throws PaymentProviderException when the provider refuses or cannot be reached
     */
    PaymentSession open(PaymentRequest request);

    /**
     * Refunds all or part of a captured payment; the {@link RefundRequest#idempotencyKey()} makes a retry safe.
     *
     * @throws PaymentProviderException when the provider refuses or cannot be reached
     */
    RefundResult refund(RefundRequest request);

    /**
     * Checks a webhook's signature (and, where the provider signs a timestamp, its age) and reads what it says.
     *
     * @throws InvalidWebhookException when the signature, the format or the age is wrong; nothing may be done with it
     */
    PaymentNotification verify(WebhookRequest request);
}
