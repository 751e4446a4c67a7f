package dev.onshore.was.pii;

/**
 * Personal values cannot be stored or read: this node has no PII key file ({@code onshore.accounts.pii.key-file}).
 * An {@link IllegalStateException}, as it always was; its own type so that the admin API can answer with a problem.
 */
public class PersonalDataUnavailableException extends IllegalStateException {

    public PersonalDataUnavailableException() {
        super("Personal data needs a key file: set onshore.accounts.pii.key-file");
    }
}
