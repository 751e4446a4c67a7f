package dev.onshore.was.payments;

/** The provider refused a request or could not be reached; {@link #retryable()} says whether a retry may help. */
public class PaymentProviderException extends RuntimeException {

    private final boolean retryable;

    public PaymentProviderException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public PaymentProviderException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
