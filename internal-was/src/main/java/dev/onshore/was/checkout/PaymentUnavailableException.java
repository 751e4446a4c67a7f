package dev.onshore.was.checkout;

/** The payment could not be started; the order was cancelled and its stock released. */
public class PaymentUnavailableException extends RuntimeException {

    public PaymentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
