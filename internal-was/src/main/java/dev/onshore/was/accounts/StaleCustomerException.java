package dev.onshore.was.accounts;

/** An operator's edit of a customer was based on an older version; nothing was changed. */
public class StaleCustomerException extends RuntimeException {

    private final long edited;
    private final long current;

    public StaleCustomerException(long edited, long current) {
        super("Customer changed: edited version " + edited + ", current " + current);
        this.edited = edited;
        this.current = current;
    }

    public long edited() {
        return edited;
    }

    public long current() {
        return current;
    }
}
