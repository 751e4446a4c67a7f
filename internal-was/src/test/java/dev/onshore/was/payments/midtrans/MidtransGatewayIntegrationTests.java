package dev.onshore.was.payments.midtrans;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.onshore.was.payments.midtrans.MidtransExamples.ORDER;
import static dev.onshore.was.payments.midtrans.MidtransExamples.TRANSACTION_ID;
import static dev.onshore.was.payments.midtrans.MidtransExamples.bytes;
import static dev.onshore.was.payments.midtrans.MidtransExamples.json;
import static dev.onshore.was.payments.midtrans.MidtransExamples.settlement;
import static dev.onshore.was.payments.midtrans.MidtransExamples.withStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.onshore.i18n.money.Money;
import dev.onshore.was.payments.InvalidWebhookException;
import dev.onshore.was.payments.PaymentNotification.Outcome;
import dev.onshore.was.payments.PaymentProviderException;
import dev.onshore.was.payments.PaymentRequest;
import dev.onshore.was.payments.PaymentSession;
import dev.onshore.was.payments.RefundRequest;
import dev.onshore.was.payments.RefundResult;
import dev.onshore.was.payments.WebhookRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter against a local HTTP stub answering as Midtrans's Snap and Core APIs do (requests and answers shaped
 * like Midtrans's documentation and its Java SDK's tests).
 */
class MidtransGatewayIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString((MidtransExamples.SERVER_KEY + ":").getBytes(StandardCharsets.UTF_8));

    private static final WireMockServer midtrans = new WireMockServer(options().dynamicPort());

    private MidtransGateway gateway;

    @BeforeAll
    static void startStub() throws Exception {
        midtrans.start();
        // The stub's first answer loads much of WireMock; on a busy machine that must not eat a test's read timeout.
        midtrans.stubFor(get(urlEqualTo("/warm-up")).willReturn(aResponse().withStatus(204)));
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            client.send(java.net.http.HttpRequest.newBuilder(URI.create(midtrans.baseUrl() + "/warm-up")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        }
    }

    @AfterAll
    static void stopStub() {
        midtrans.stop();
    }

    @BeforeEach
    void newGateway() {
        midtrans.resetAll();
        gateway = gateway(true);
    }

    @AfterEach
    void closeGateway() {
        gateway.close();
    }

    // --- Snap: payment pages ---------------------------------------------------------------------------------

    @Test
    void opensASnapPageWithTheDocumentedRequest() {
        midtrans.stubFor(post(urlEqualTo("/snap/v1/transactions")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"token":"66e4fa55-fdac-4ef9-91b5-733b97d1b862",
                         "redirect_url":"https://app.sandbox.midtrans.com/snap/v4/redirection/66e4fa55-fdac-4ef9-91b5-733b97d1b862"}""")));

        var session = gateway.open(payment(Money.of("150000", "IDR")));

        assertThat(session).isEqualTo(new PaymentSession("midtrans", "66e4fa55-fdac-4ef9-91b5-733b97d1b862",
                URI.create("https://app.sandbox.midtrans.com/snap/v4/redirection/66e4fa55-fdac-4ef9-91b5-733b97d1b862"),
                NOW.plusSeconds(3600)));
        midtrans.verify(1, postRequestedFor(urlEqualTo("/snap/v1/transactions"))
                .withHeader("Authorization", equalTo(BASIC))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"transaction_details": {"order_id": "ON-ID-2026-000042", "gross_amount": 150000},
                         "customer_details": {"first_name": "Siti Rahayu", "email": "siti@example.id"},
                         "callbacks": {"finish": "https://id.onshore.example/orders/ON-ID-2026-000042"},
                         "expiry": {"start_time": "2026-12-02 15:00:00 +0700", "unit": "minutes", "duration": 60}}""")));
    }

    @Test
    void reportsAnOrderIdMidtransAlreadyUsesAsTakenAndNotRetryable() {
        midtrans.stubFor(post(urlEqualTo("/snap/v1/transactions")).willReturn(aResponse().withStatus(400)
                .withBody("{\"error_messages\":[\"transaction_details.order_id sudah digunakan\"]}")));

        assertThatThrownBy(() -> gateway.open(payment(Money.of("150000", "IDR"))))
                .asInstanceOf(type(MidtransOrderIdTakenException.class))
                .satisfies(e -> assertThat(e.retryable()).isFalse())
                .satisfies(e -> assertThat(e.orderReference()).isEqualTo(ORDER))
                .satisfies(e -> assertThat(e).hasMessageContaining("sudah digunakan"));
    }

    @Test
    void reportsAPaidAndUtilisedOrderId406AsTaken() {
        midtrans.stubFor(post(urlEqualTo("/snap/v1/transactions")).willReturn(aResponse().withStatus(406)
                .withBody("{\"status_code\":\"406\",\"status_message\":\"order_id has been paid and utilized,"
                        + " please use another order ID\"}")));

        assertThatThrownBy(() -> gateway.open(payment(Money.of("150000", "IDR"))))
                .isInstanceOf(MidtransOrderIdTakenException.class);
    }

    @Test
    void reportsAnotherRefusedRequestAsNotRetryableWithMidtransWords() {
        midtrans.stubFor(post(urlEqualTo("/snap/v1/transactions")).willReturn(aResponse().withStatus(400)
                .withBody("{\"error_messages\":[\"transaction_details.gross_amount is not equal to the sum of"
                        + " item_details\"]}")));

        assertThatThrownBy(() -> gateway.open(payment(Money.of("150000", "IDR"))))
                .isExactlyInstanceOf(PaymentProviderException.class)
                .hasMessageContaining("gross_amount is not equal")
                .satisfies(e -> assertThat(((PaymentProviderException) e).retryable()).isFalse());
    }

    @Test
    void reportsAWrongServerKeyAsNotRetryable() {
        midtrans.stubFor(post(urlEqualTo("/snap/v1/transactions")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error_messages\":[\"Access denied, please check client or server key\"]}")));

        assertThatThrownBy(() -> gateway.open(payment(Money.of("150000", "IDR"))))
                .isExactlyInstanceOf(PaymentProviderException.class).hasMessageContaining("401")
                .hasMessageContaining("server key")
                .satisfies(e -> assertThat(((PaymentProviderException) e).retryable()).isFalse());
    }

    @Test
    void reportsAMidtransOutageAsRetryable() {
        midtrans.stubFor(post(urlEqualTo("/snap/v1/transactions")).willReturn(aResponse().withStatus(503)
                .withBody("{\"error_messages\":[\"Sorry, we encountered internal server error. We will fix this"
                        + " soon.\"]}")));

        assertThatThrownBy(() -> gateway.open(payment(Money.of("150000", "IDR"))))
                .isExactlyInstanceOf(PaymentProviderException.class)
                .satisfies(e -> assertThat(((PaymentProviderException) e).retryable()).isTrue());
    }

    @Test
    void reportsASlowAnswerAsRetryableAfterTheReadTimeout() {
        midtrans.stubFor(post(urlEqualTo("/snap/v1/transactions")).willReturn(aResponse().withStatus(201)
                .withFixedDelay(6_000).withBody("{\"token\":\"t\",\"redirect_url\":\"https://x\"}")));
        var base = URI.create(midtrans.baseUrl());

        var started = System.nanoTime();
        try (var impatient = new MidtransGateway(MidtransExamples.properties(base, base, true, Duration.ofSeconds(1)),
                Clock.fixed(NOW, ZoneOffset.UTC))) {
            assertThatThrownBy(() -> impatient.open(payment(Money.of("150000", "IDR"))))
                    .isExactlyInstanceOf(PaymentProviderException.class)
                    .satisfies(e -> assertThat(((PaymentProviderException) e).retryable()).isTrue());
        }
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_500);
    }

    @Test
    void reportsABrokenConnectionAsRetryable() {
        midtrans.stubFor(post(urlEqualTo("/snap/v1/transactions"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> gateway.open(payment(Money.of("150000", "IDR"))))
                .isExactlyInstanceOf(PaymentProviderException.class)
                .satisfies(e -> assertThat(((PaymentProviderException) e).retryable()).isTrue());
    }

    @Test
    void refusesAmountsMidtransCannotChargeWithoutCallingIt() {
        assertThatThrownBy(() -> gateway.open(payment(Money.of("45.90", "MYR"))))
                .isExactlyInstanceOf(PaymentProviderException.class).hasMessageContaining("IDR only");
        assertThatThrownBy(() -> gateway.open(payment(Money.of("150000.50", "IDR"))))
                .isExactlyInstanceOf(PaymentProviderException.class).hasMessageContaining("whole rupiah");
        assertThatThrownBy(() -> gateway.open(new PaymentRequest("ON/ID#42", Money.of("150000", "IDR"),
                "siti@example.id", "Siti Rahayu", Locale.of("id", "ID"), URI.create("https://id.onshore.example/"))))
                .isExactlyInstanceOf(PaymentProviderException.class).hasMessageContaining("order ids");
        assertThat(midtrans.getAllServeEvents()).isEmpty();
    }

    // --- Core API: refunds -----------------------------------------------------------------------------------

    @Test
    void refundsWithTheDocumentedRequestAndReportsTheRefundId() {
        midtrans.stubFor(post(urlEqualTo("/v2/" + TRANSACTION_ID + "/refund")).willReturn(okJson("""
                {"status_code": "200", "status_message": "Success, refund request is approved",
                 "transaction_id": "9aed5972-5b6a-401e-894b-a32c91ed1a3a", "order_id": "ON-ID-2026-000042",
                 "payment_type": "gopay", "transaction_time": "2026-12-02 15:04:05", "transaction_status": "partial_refund",
                 "gross_amount": "150000.00", "refund_chargeback_id": 4711, "refund_amount": "50000.00",
                 "refund_key": "rf-ON-ID-2026-000042-1"}""")));

        var result = gateway.refund(refund("rf-ON-ID-2026-000042-1"));

        assertThat(result).isEqualTo(new RefundResult("4711", true));
        midtrans.verify(1, postRequestedFor(urlEqualTo("/v2/" + TRANSACTION_ID + "/refund"))
                .withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(equalToJson("""
                        {"refund_key": "rf-ON-ID-2026-000042-1", "amount": 50000, "reason": "Damaged on delivery"}""")));
    }

    @Test
    void reportsARefusalMidtransWritesInsideAnHttp200AsNotRetryable() {
        midtrans.stubFor(post(urlEqualTo("/v2/" + TRANSACTION_ID + "/refund")).willReturn(okJson("""
                {"status_code": "412", "status_message": "Merchant cannot modify the status of the transaction"}""")));
        midtrans.stubFor(get(urlEqualTo("/v2/" + TRANSACTION_ID + "/status")).willReturn(okJson(
                json(withStatus("settlement", "200", "accept")))));

        assertThatThrownBy(() -> gateway.refund(refund("rf-1")))
                .isExactlyInstanceOf(PaymentProviderException.class).hasMessageContaining("412")
                .hasMessageContaining("cannot modify")
                .satisfies(e -> assertThat(((PaymentProviderException) e).retryable()).isFalse());
    }

    @Test
    void answersARetriedRefundWithTheRefundMidtransAlreadyMadeUnderTheSameKey() {
        midtrans.stubFor(post(urlEqualTo("/v2/" + TRANSACTION_ID + "/refund")).willReturn(aResponse()
                .withStatus(406).withBody("{\"status_code\": \"406\", \"status_message\": \"Duplicate refund_key\"}")));
        var status = new LinkedHashMap<>(withStatus("partial_refund", "200", "accept"));
        status.put("refunds", List.of(Map.of("refund_chargeback_id", 4711, "refund_amount", "50000.00",
                "created_at", "2026-12-02 16:00:00", "reason", "Damaged on delivery", "refund_key", "rf-1")));
        midtrans.stubFor(get(urlEqualTo("/v2/" + TRANSACTION_ID + "/status")).willReturn(okJson(json(status))));

        assertThat(gateway.refund(refund("rf-1"))).isEqualTo(new RefundResult("4711", true));
        assertThatThrownBy(() -> gateway.refund(refund("rf-2"))).isExactlyInstanceOf(PaymentProviderException.class)
                .hasMessageContaining("Duplicate refund_key");
    }

    @Test
    void reportsARefundDuringAnOutageAsRetryableWithoutAskingForTheStatus() {
        midtrans.stubFor(post(urlEqualTo("/v2/" + TRANSACTION_ID + "/refund")).willReturn(aResponse()
                .withStatus(500).withBody("{\"status_code\": \"500\", \"status_message\": \"Internal server error\"}")));

        assertThatThrownBy(() -> gateway.refund(refund("rf-1")))
                .satisfies(e -> assertThat(((PaymentProviderException) e).retryable()).isTrue());
        midtrans.verify(0, getRequestedFor(urlEqualTo("/v2/" + TRANSACTION_ID + "/status")));
    }

    // --- notifications confirmed with Get Status --------------------------------------------------------------

    @Test
    void confirmsANotificationWithGetStatus() {
        midtrans.stubFor(get(urlEqualTo("/v2/" + ORDER + "/status")).willReturn(okJson(json(settlement()))));

        var notification = gateway.verify(webhook(settlement()));

        assertThat(notification.outcome()).isEqualTo(Outcome.CAPTURED);
        assertThat(notification.eventId()).isEqualTo(TRANSACTION_ID + ":settlement");
        midtrans.verify(1, getRequestedFor(urlEqualTo("/v2/" + ORDER + "/status"))
                .withHeader("Authorization", equalTo(BASIC)));
    }

    @Test
    void reportsWhatMidtransSaysWhenTheUnsignedStatusOfANotificationWasRewritten() {
        // A genuine "cancel" (status code 200, so the signature still matches) rewritten to "settlement".
        var rewritten = new LinkedHashMap<>(withStatus("cancel", "200", "accept"));
        rewritten.put("transaction_status", "settlement");
        midtrans.stubFor(get(urlEqualTo("/v2/" + ORDER + "/status"))
                .willReturn(okJson(json(withStatus("cancel", "200", "accept")))));

        var notification = gateway.verify(webhook(rewritten));

        assertThat(notification.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(notification.eventId()).isEqualTo(TRANSACTION_ID + ":cancel");
    }

    @Test
    void readsAnExpiredTransactionWhoseStatusCodeIs407AsExpired() {
        midtrans.stubFor(get(urlEqualTo("/v2/" + ORDER + "/status"))
                .willReturn(okJson(json(withStatus("expire", "407", null)))));

        assertThat(gateway.verify(webhook(withStatus("expire", "407", null))).outcome()).isEqualTo(Outcome.EXPIRED);
    }

    @Test
    void refusesASignedNotificationForAnOrderMidtransDoesNotKnow() {
        midtrans.stubFor(get(urlEqualTo("/v2/" + ORDER + "/status")).willReturn(aResponse().withStatus(404)
                .withBody("{\"status_code\": \"404\", \"status_message\": \"Transaction doesn't exist.\"}")));

        assertThatThrownBy(() -> gateway.verify(webhook(settlement()))).isInstanceOf(InvalidWebhookException.class);
    }

    @Test
    void asksForTheNotificationAgainWhenGetStatusIsUnavailable() {
        midtrans.stubFor(get(urlEqualTo("/v2/" + ORDER + "/status")).willReturn(aResponse().withStatus(503)
                .withBody("{\"status_code\": \"503\", \"status_message\": \"Bank/partner is experiencing connection"
                        + " issue.\"}")));

        assertThatThrownBy(() -> gateway.verify(webhook(settlement())))
                .isExactlyInstanceOf(PaymentProviderException.class)
                .satisfies(e -> assertThat(((PaymentProviderException) e).retryable()).isTrue());
    }

    @Test
    void neverAsksGetStatusAboutANotificationWithAWrongSignature() {
        var forged = new LinkedHashMap<>(settlement());
        forged.put("gross_amount", "1.00");

        assertThatThrownBy(() -> gateway.verify(webhook(forged))).isInstanceOf(InvalidWebhookException.class);
        assertThat(midtrans.getAllServeEvents()).isEmpty();
    }

    @Test
    void trustsTheSignedNotificationAloneWhenGetStatusIsSwitchedOff() {
        try (var withoutStatus = gateway(false)) {
            assertThat(withoutStatus.verify(webhook(settlement())).outcome()).isEqualTo(Outcome.CAPTURED);
        }
        assertThat(midtrans.getAllServeEvents()).isEmpty();
    }

    private MidtransGateway gateway(boolean confirmWithGetStatus) {
        var base = URI.create(midtrans.baseUrl());
        return new MidtransGateway(MidtransExamples.properties(base, base, confirmWithGetStatus),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static PaymentRequest payment(Money amount) {
        return new PaymentRequest(ORDER, amount, "siti@example.id", "Siti Rahayu", Locale.of("id", "ID"),
                URI.create("https://id.onshore.example/orders/" + ORDER));
    }

    private static RefundRequest refund(String key) {
        return new RefundRequest(ORDER, TRANSACTION_ID, Money.of("50000", "IDR"), "Damaged on delivery", key);
    }

    private static WebhookRequest webhook(Map<String, Object> notification) {
        return new WebhookRequest(Map.of("Content-Type", List.of("application/json")), bytes(notification));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
