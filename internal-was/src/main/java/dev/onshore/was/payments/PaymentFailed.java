package dev.onshore.was.payments;

import java.time.Instant;

/** A payment for an order failed or expired unpaid ({@code outcome} is FAILED or EXPIRED); published once per payment. */
public record PaymentFailed(String orderReference, String provider, String providerReference,
                            PaymentNotification.Outcome outcome, Instant failedAt) {
}
