package dev.onshore.devstack;

/** The appliance could not do what was asked; the message says what and where to look, for a person. */
public class ApplianceException extends RuntimeException {

    public ApplianceException(String message) {
        super(message);
    }
}
