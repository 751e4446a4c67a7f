package dev.onshore.was.payments;

import dev.onshore.i18n.money.Money;
import java.util.Objects;

/**
 * A refund of all or part of a captured payment.
 *
 * @param orderReference    the order's public number
 * @param providerReference the provider's id of the captured payment
 * @param amount            what to give back, in the charge currency, positive
 * @param reason            a short reason shown to operators (and to the provider where it takes one)
 * @param idempotencyKey    the same key for every retry of this refund
 */
public record RefundRequest(String orderReference, String providerReference, Money amount, String reason,
                            String idempotencyKey) {

    public RefundRequest {
        Objects.requireNonNull(orderReference, "orderReference");
        Objects.requireNonNull(providerReference, "providerReference");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (amount.amount().signum() <= 0) {
            throw new IllegalArgumentException("a refund must be for a positive amount: " + amount);
        }
    }
}
