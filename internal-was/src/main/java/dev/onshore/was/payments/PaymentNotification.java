package dev.onshore.was.payments;

import dev.onshore.i18n.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * What a verified webhook says happened. The payments area acts on it once per {@link #eventId()} and only when
 * the amount and currency equal the order's.
 *
 * @param provider          the gateway's {@link PaymentGateway#provider()}
 * @param eventId           the provider's unique id of this notification (deduplication key)
 * @param orderReference    the order's public number, as sent in {@link PaymentRequest#orderReference()}
 * @param providerReference the provider's id of the payment
 * @param outcome           what happened
 * @param amount            the amount the provider reports, in the currency it reports
 * @param occurredAt        when the provider says it happened
 */
public record PaymentNotification(String provider, String eventId, String orderReference, String providerReference,
                                  Outcome outcome, Money amount, Instant occurredAt) {

    public PaymentNotification {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orderReference, "orderReference");
        Objects.requireNonNull(providerReference, "providerReference");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** The outcomes Onshore distinguishes; a provider's other states map to {@link #PENDING}. */
    public enum Outcome {
        /** Money is captured (settled or capture-confirmed). */
        CAPTURED,
        /** Still waiting (e.g. a bank transfer not yet paid). */
        PENDING,
        /** Declined, denied or cancelled. */
        FAILED,
        /** The payment page or the virtual account expired unpaid. */
        EXPIRED,
        /** A refund went through. */
        REFUNDED
    }
}
