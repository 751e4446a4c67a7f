package dev.onshore.was.payments;

import dev.onshore.i18n.money.Money;
import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/**
 * Money went back to the shopper for an order; published once per refund. Externalized to
 * {@code onshore.payments.refund-issued}, keyed by order number.
 */
@Externalized("onshore.payments.refund-issued::#{orderReference()}")
public record RefundIssued(String orderReference, String provider, String providerRefundId, Money amount,
                           Instant issuedAt) {
}
