package dev.onshore.was.payments;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A hosted payment page opened at a provider.
 *
 * @param provider          the gateway's {@link PaymentGateway#provider()}
 * @param providerReference the provider's id of this payment or session (its token, invoice id, …)
 * @param redirectUrl       the page the shopper is sent to
 * @param expiresAt         when the provider stops accepting payment on it
 */
public record PaymentSession(String provider, String providerReference, URI redirectUrl, Instant expiresAt) {

    public PaymentSession {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerReference, "providerReference");
        Objects.requireNonNull(redirectUrl, "redirectUrl");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
