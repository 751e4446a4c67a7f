package dev.onshore.was.payments;

import dev.onshore.i18n.money.Money;
import java.time.Instant;

/** Money went back to the shopper for an order; published once per refund. */
public record RefundIssued(String orderReference, String provider, String providerRefundId, Money amount,
                           Instant issuedAt) {
}
