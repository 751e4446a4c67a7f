package dev.onshore.was.payments.midtrans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.was.payments.PaymentNotification.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransactionStatusUnitTests {

    @ParameterizedTest(name = "{0} with fraud status {1} is {2}")
    @CsvSource(nullValues = "null", value = {
            "capture, accept, CAPTURED",
            "capture, null, CAPTURED",
            "capture, challenge, PENDING",
            "capture, deny, FAILED",
            "settlement, accept, CAPTURED",
            "settlement, null, CAPTURED",
            "pending, null, PENDING",
            "authorize, accept, PENDING",
            "deny, deny, FAILED",
            "deny, null, FAILED",
            "cancel, accept, FAILED",
            "failure, null, FAILED",
            "expire, null, EXPIRED",
            "refund, accept, REFUNDED",
            "partial_refund, accept, REFUNDED",
            "chargeback, accept, PENDING",
            "partial_chargeback, accept, PENDING",
            "something_new, null, PENDING",
            "SETTLEMENT, ACCEPT, CAPTURED"})
    void mapsEachMidtransStatusToWhatItMeansForTheOrder(String status, String fraudStatus, Outcome expected) {
        assertThat(TransactionStatus.of(status).outcome(fraudStatus)).isEqualTo(expected);
    }
}
