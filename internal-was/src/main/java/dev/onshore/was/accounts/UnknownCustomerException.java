package dev.onshore.was.accounts;

/** No shopper has this subject. */
public class UnknownCustomerException extends RuntimeException {

    private final String subject;

    public UnknownCustomerException(String subject) {
        super("No customer " + subject);
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}
