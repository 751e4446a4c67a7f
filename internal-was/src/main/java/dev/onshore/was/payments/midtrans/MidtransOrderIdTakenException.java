package dev.onshore.was.payments.midtrans;

import dev.onshore.was.payments.PaymentProviderException;

/**
 * Midtrans refused to open a payment page because the order id is already used there: a payment for it is pending
 * (the shopper chose a bank transfer or e-wallet on an earlier page) or done. Not retryable: opening again cannot
 * succeed, and must not, since the first payment may still complete. The caller keeps the session it stored for the
 * order and waits for the notification (or asks Midtrans's Get Status); it never opens a page under a new order id
 * for the same order while that payment may complete.
 */
public class MidtransOrderIdTakenException extends PaymentProviderException {

    private final String orderReference;

    MidtransOrderIdTakenException(String orderReference, String midtransMessage) {
        super("Midtrans already has a transaction for order " + orderReference + ": " + midtransMessage, false);
        this.orderReference = orderReference;
    }

    /** The order whose id Midtrans already uses. */
    public String orderReference() {
        return orderReference;
    }
}
