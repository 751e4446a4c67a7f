package dev.onshore.was.payments.internal;

/**
 * A verified webhook reports an amount or currency other than the payment started for the order (or an order with
 * no payment); it is refused, counted, and nothing is captured.
 */
public class PaymentMismatchException extends RuntimeException {

    PaymentMismatchException(String message) {
        super(message);
    }
}
