package dev.onshore.was.payments.internal;

/** A webhook names a provider this node has no gateway for. */
public class UnknownProviderException extends RuntimeException {

    UnknownProviderException(String provider) {
        super("No payment gateway " + provider);
    }
}
