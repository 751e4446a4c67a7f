package dev.onshore.was.payments;

/** A webhook whose signature, format, age or content cannot be trusted; it is refused and changes nothing. */
public class InvalidWebhookException extends RuntimeException {

    public InvalidWebhookException(String message) {
        super(message);
    }

    public InvalidWebhookException(String message, Throwable cause) {
        super(message, cause);
    }
}
