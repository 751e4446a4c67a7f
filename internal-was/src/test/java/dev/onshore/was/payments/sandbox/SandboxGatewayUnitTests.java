package dev.onshore.was.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onshore.i18n.money.Money;
import dev.onshore.was.TestClock;
import dev.onshore.was.payments.InvalidWebhookException;
import dev.onshore.was.payments.PaymentNotification;
import dev.onshore.was.payments.PaymentRequest;
import dev.onshore.was.payments.WebhookRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SandboxGatewayUnitTests {

    private final SandboxGateway gateway = gateway("it-secret", false);

    static SandboxGateway gateway(String secret, boolean failPayments) {
        return gateway(secret, failPayments, Clock.systemUTC());
    }

    static SandboxGateway gateway(String secret, boolean failPayments, Clock clock) {
        return new SandboxGateway(new SandboxProperties(secret, URI.create("https://shop.example"), null,
                failPayments, Duration.ZERO, 3, Duration.ofMillis(10), Duration.ofMinutes(30), Duration.ofMinutes(5)),
                JsonMapper.builder().build(), clock);
    }

    private static PaymentRequest request() {
        return new PaymentRequest("ON260617-ABCDEFGH", Money.of("325000", "IDR"), "ani@example.com", "Ani",
                Locale.forLanguageTag("id"), URI.create("https://shop.example/orders/ON260617-ABCDEFGH"));
    }

    private static WebhookRequest request(SandboxGateway.SignedWebhook webhook) {
        return new WebhookRequest(Map.of("sandbox-timestamp", List.of(Long.toString(webhook.timestamp())),
                "Sandbox-Signature", List.of(webhook.signature())), webhook.body());
    }

    @Test
    void thePaymentPageIsASignedCapabilityThatAnyTamperingVoids() {
        var session = gateway.open(request());
        assertThat(session.redirectUrl().toString()).startsWith("https://shop.example/sandbox-pay/");
        var reference = session.redirectUrl().getPath().substring("/sandbox-pay/".length());
        var page = gateway.page(reference).orElseThrow();
        assertThat(page.amount()).isEqualTo(Money.of("325000", "IDR"));
        assertThat(page.orderReference()).isEqualTo("ON260617-ABCDEFGH");
        var tampered = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(page.encode()
                .replace("325000", "1").getBytes(StandardCharsets.UTF_8)) + reference.substring(reference.indexOf('.'));
        assertThat(gateway.page(tampered)).isEmpty();
        assertThat(gateway("another-secret", false).page(reference)).isEmpty();
        assertThat(gateway.page("garbage")).isEmpty();
    }

    @Test
    void thePaymentPageStopsAcceptingPaymentWhenItsSessionExpires() {
        var clock = new TestClock();
        var timed = gateway("it-secret", false, clock);
        var reference = timed.open(request()).redirectUrl().getPath().substring("/sandbox-pay/".length());
        clock.advance(Duration.ofMinutes(29));
        assertThat(timed.page(reference)).isPresent();
        clock.advance(Duration.ofMinutes(2));
        assertThat(timed.page(reference)).isEmpty();
    }

    @Test
    void aSignedWebhookVerifiesAndSaysWhatThePagePromised() {
        var reference = gateway.open(request()).redirectUrl().getPath().substring("/sandbox-pay/".length());
        var notification = gateway.verify(request(gateway.webhook(gateway.page(reference).orElseThrow(), true)));
        assertThat(notification.outcome()).isEqualTo(PaymentNotification.Outcome.CAPTURED);
        assertThat(notification.amount()).isEqualTo(Money.of("325000", "IDR"));
        assertThat(notification.orderReference()).isEqualTo("ON260617-ABCDEFGH");
        var failed = gateway.verify(request(gateway.webhook(gateway.page(reference).orElseThrow(), false)));
        assertThat(failed.outcome()).isEqualTo(PaymentNotification.Outcome.FAILED);
    }

    @Test
    void theFailSwitchMakesEveryPaymentFail() {
        var failing = gateway("it-secret", true);
        var reference = failing.open(request()).redirectUrl().getPath().substring("/sandbox-pay/".length());
        assertThat(failing.verify(request(failing.webhook(failing.page(reference).orElseThrow(), true))).outcome())
                .isEqualTo(PaymentNotification.Outcome.FAILED);
    }

    @Test
    void aWrongSignatureATamperedBodyOrAnOldTimestampIsRefused() {
        var reference = gateway.open(request()).redirectUrl().getPath().substring("/sandbox-pay/".length());
        var webhook = gateway.webhook(gateway.page(reference).orElseThrow(), true);
        var forged = gateway("another-secret", false).webhook(gateway.page(reference).orElseThrow(), true);
        assertThatThrownBy(() -> gateway.verify(request(forged))).isInstanceOf(InvalidWebhookException.class);
        var body = new String(webhook.body(), StandardCharsets.UTF_8).replace("325000", "1")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> gateway.verify(request(new SandboxGateway.SignedWebhook(body, webhook.timestamp(),
                webhook.signature())))).isInstanceOf(InvalidWebhookException.class);
        var old = Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond();
        var signatures = new SandboxSignatures("it-secret");
        assertThatThrownBy(() -> gateway.verify(request(new SandboxGateway.SignedWebhook(webhook.body(), old,
                signatures.webhook(old, webhook.body()))))).isInstanceOf(InvalidWebhookException.class)
                .hasMessageContaining("away");
        assertThatThrownBy(() -> gateway.verify(new WebhookRequest(Map.of(), webhook.body())))
                .isInstanceOf(InvalidWebhookException.class);
        var garbage = "not json".getBytes(StandardCharsets.UTF_8);
        var now = Instant.now().getEpochSecond();
        assertThatThrownBy(() -> gateway.verify(request(new SandboxGateway.SignedWebhook(garbage, now,
                signatures.webhook(now, garbage))))).isInstanceOf(InvalidWebhookException.class);
    }

    @Test
    void refundsSettleAtOnceWithTheSameIdForTheSameKey() {
        var first = gateway.refund(new dev.onshore.was.payments.RefundRequest("ON1", "sbx-1",
                Money.of("1000", "IDR"), "test", "cancel-ON1"));
        var again = gateway.refund(new dev.onshore.was.payments.RefundRequest("ON1", "sbx-1",
                Money.of("1000", "IDR"), "test", "cancel-ON1"));
        assertThat(first.settled()).isTrue();
        assertThat(again.providerRefundId()).isEqualTo(first.providerRefundId());
    }
}
