package dev.onshore.was.payments.midtrans;

import static dev.onshore.was.payments.midtrans.MidtransExamples.ORDER;
import static dev.onshore.was.payments.midtrans.MidtransExamples.SERVER_KEY;
import static dev.onshore.was.payments.midtrans.MidtransExamples.TRANSACTION_ID;
import static dev.onshore.was.payments.midtrans.MidtransExamples.bytes;
import static dev.onshore.was.payments.midtrans.MidtransExamples.settlement;
import static dev.onshore.was.payments.midtrans.MidtransExamples.signed;
import static dev.onshore.was.payments.midtrans.MidtransExamples.withStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onshore.i18n.money.Money;
import dev.onshore.was.payments.InvalidWebhookException;
import dev.onshore.was.payments.PaymentNotification;
import dev.onshore.was.payments.PaymentNotification.Outcome;
import dev.onshore.was.payments.WebhookRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Notification checks without Get Status: the base URLs point at a closed port, so any HTTP call would fail these
 * tests with a {@link dev.onshore.was.payments.PaymentProviderException}.
 */
class MidtransNotificationsUnitTests {

    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

    private static final MidtransGateway gateway = new MidtransGateway(
            MidtransExamples.properties(NOWHERE, NOWHERE, false), Clock.systemUTC());

    @AfterAll
    static void close() {
        gateway.close();
    }

    @Test
    void computesTheSignatureMidtransDocumentsForItsExampleFields() {
        // Fields and key of the PHP example in Midtrans's "Receiving Notifications"; expected value from sha512sum.
        var signature = new NotificationSignature("askvnoibnosifnboseofinbofinfgbiufglnbfg");

        assertThat(signature.of("1111", "200", "100000.00")).isEqualTo("edc076b21793ebe3e17926350f5b8ae67d902fe657b3d0"
                + "aa31b932d5c127e2375d308a2bc94f3265ac2d80a1f181a79b997ac178a236fcff35af263fc4d4c231");
    }

    @Test
    void readsASignedSettlementAsACapturedPayment() {
        var notification = verify(settlement());

        assertThat(notification).isEqualTo(new PaymentNotification("midtrans", TRANSACTION_ID + ":settlement", ORDER,
                TRANSACTION_ID, Outcome.CAPTURED, Money.of("150000", "IDR"),
                Instant.parse("2026-12-02T08:04:05Z")));
    }

    @Test
    void acceptsTheSignatureInUpperCase() {
        var n = new LinkedHashMap<>(settlement());
        n.put("signature_key", n.get("signature_key").toString().toUpperCase());

        assertThat(verify(n).outcome()).isEqualTo(Outcome.CAPTURED);
    }

    @Test
    void givesTheSameEventIdWhenMidtransRepeatsAStatusAndANewOneWhenTheStatusChanges() {
        var pending = verify(withStatus("pending", "201", "accept"));
        var pendingAgain = verify(withStatus("pending", "201", "accept"));
        var settled = verify(settlement());

        assertThat(pending.eventId()).isEqualTo(pendingAgain.eventId()).isNotEqualTo(settled.eventId());
        assertThat(pending.outcome()).isEqualTo(Outcome.PENDING);
    }

    @Test
    void countsEachFurtherPartialRefundAsANewEvent() {
        var first = new LinkedHashMap<>(withStatus("partial_refund", "200", "accept"));
        first.put("refunds", List.of(Map.of("refund_key", "r1", "refund_amount", "50000.00")));
        var second = new LinkedHashMap<>(first);
        second.put("refunds", List.of(Map.of("refund_key", "r1", "refund_amount", "50000.00"),
                Map.of("refund_key", "r2", "refund_amount", "20000.00")));

        assertThat(verify(first).eventId()).isNotEqualTo(verify(second).eventId());
        assertThat(verify(first).outcome()).isEqualTo(Outcome.REFUNDED);
    }

    @Test
    void readsAnExpiredVirtualAccountAsExpiredAndADeniedCardAsFailed() {
        assertThat(verify(withStatus("expire", "407", null)).outcome()).isEqualTo(Outcome.EXPIRED);
        assertThat(verify(withStatus("deny", "202", "deny")).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(verify(withStatus("capture", "200", "challenge")).outcome()).isEqualTo(Outcome.PENDING);
    }

    @Test
    void refusesANotificationSignedWithAnotherKey() {
        var n = new LinkedHashMap<>(settlement());
        n.put("signature_key", MidtransExamples.sha512(ORDER + "200" + "150000.00" + "SB-Mid-server-SomeoneElse"));

        assertThatThrownBy(() -> verify(n)).isInstanceOf(InvalidWebhookException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void refusesANotificationWhoseAmountWasChangedAfterSigning() {
        var n = new LinkedHashMap<>(settlement());
        n.put("gross_amount", "1500000.00");

        assertThatThrownBy(() -> verify(n)).isInstanceOf(InvalidWebhookException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void refusesANotificationWhoseOrderWasChangedAfterSigning() {
        var n = new LinkedHashMap<>(settlement());
        n.put("order_id", "ON-ID-2026-000043");

        assertThatThrownBy(() -> verify(n)).isInstanceOf(InvalidWebhookException.class);
    }

    @Test
    void refusesANotificationWithoutSignature() {
        var n = new LinkedHashMap<>(settlement());
        n.remove("signature_key");

        assertThatThrownBy(() -> verify(n)).isInstanceOf(InvalidWebhookException.class);
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"order_id", "status_code", "gross_amount", "transaction_status", "transaction_id",
            "transaction_time"})
    void refusesANotificationMissingARequiredField(String field) {
        var n = new LinkedHashMap<>(settlement());
        n.remove(field);

        assertThatThrownBy(() -> verify(signed(n))).isInstanceOf(InvalidWebhookException.class)
                .hasMessageContaining(field);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"order_id\": \"ON-ID-2026-000042\", \"status_code\": ", "not json at all", "[1, 2]",
            "", "null"})
    void refusesABodyThatIsNotANotification(String body) {
        var request = new WebhookRequest(Map.of(), body.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> gateway.verify(request)).isInstanceOf(InvalidWebhookException.class);
    }

    @Test
    void refusesAnUnreadableAmountOrTimeEvenWhenSigned() {
        var amount = new LinkedHashMap<>(settlement());
        amount.put("gross_amount", "150.000,00");
        var time = new LinkedHashMap<>(settlement());
        time.put("transaction_time", "02/12/2026 15:04");

        assertThatThrownBy(() -> verify(signed(amount))).isInstanceOf(InvalidWebhookException.class)
                .hasMessageContaining("gross_amount");
        assertThatThrownBy(() -> verify(signed(time))).isInstanceOf(InvalidWebhookException.class)
                .hasMessageContaining("transaction_time");
    }

    @Test
    void neverShowsTheServerKeyInTheSettings() {
        var properties = MidtransExamples.properties(NOWHERE, NOWHERE, true);

        assertThat(properties.toString()).doesNotContain(SERVER_KEY).contains("serverKey=******");
    }

    @Test
    void refusesToStartWithoutAServerKey() {
        var properties = new MidtransProperties(true, " ", NOWHERE, NOWHERE, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofMinutes(60), true);

        assertThatThrownBy(() -> new MidtransGateway(properties, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("server-key");
    }

    @Test
    void refusesAPaymentExpiryShorterThanAMinute() {
        assertThatThrownBy(() -> new MidtransProperties(true, SERVER_KEY, NOWHERE, NOWHERE, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(59), true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payment-expiry");
    }

    @Test
    void keepsAnAcceptableRefundKeyAndDerivesAStableOneOtherwise() {
        assertThat(MidtransGateway.refundKey("rf-2026_0001")).isEqualTo("rf-2026_0001");
        assertThat(MidtransGateway.refundKey("claim:42/refund#1")).matches("onshore-[0-9a-f]{40}")
                .isEqualTo(MidtransGateway.refundKey("claim:42/refund#1"))
                .isNotEqualTo(MidtransGateway.refundKey("claim:42/refund#2"));
    }

    private PaymentNotification verify(Map<String, Object> notification) {
        return gateway.verify(new WebhookRequest(Map.of("Content-Type", List.of("application/json")),
                bytes(notification)));
    }
}
