package dev.onshore.was.payments;

import java.util.Objects;

/**
 * What the provider answered to a refund.
 *
 * @param providerRefundId the provider's id of the refund
 * @param settled          true when the money is on its way back; false when the provider confirms later by webhook
 */
public record RefundResult(String providerRefundId, boolean settled) {

    public RefundResult {
        Objects.requireNonNull(providerRefundId, "providerRefundId");
    }
}
