package dev.onshore.was.payments.sandbox;

import dev.onshore.i18n.money.Money;
import dev.onshore.was.payments.InvalidWebhookException;
import dev.onshore.was.payments.PaymentGateway;
import dev.onshore.was.payments.PaymentNotification;
import dev.onshore.was.payments.PaymentRequest;
import dev.onshore.was.payments.PaymentSession;
import dev.onshore.was.payments.RefundRequest;
import dev.onshore.was.payments.RefundResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox provider. Its payment page reference is the payment itself, signed (order, amount, currency, return
 * address, expiry), so any node can serve the page and nothing is kept in memory or in the database; the payment's
 * state lives where every provider's does, in the payments area.
 */
@Component
class SandboxGateway implements PaymentGateway {

    static final String PROVIDER = "sandbox";

    private final SandboxProperties properties;
    private final SandboxSignatures signatures;
    private final JsonMapper json;
    private final Clock clock;

    SandboxGateway(SandboxProperties properties, JsonMapper json, Clock clock) {
        this.clock = clock;
        this.properties = properties;
        this.signatures = new SandboxSignatures(properties.secret());
        this.json = json;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public PaymentSession open(PaymentRequest request) {
        var expiresAt = clock.instant().plus(properties.sessionTtl());
        var page = new SandboxPage(request.orderReference(), request.amount().rounded(), request.returnUrl(),
                expiresAt, request.locale().toLanguageTag());
        var payload = page.encode();
        var reference = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + signatures.page(payload);
        return new PaymentSession(PROVIDER, providerReference(request.orderReference()),
                URI.create(properties.publicUrl() + "/sandbox-pay/" + reference), expiresAt);
    }

    @Override
    public RefundResult refund(RefundRequest request) {
        return new RefundResult("sbx-rf-" + sha256(request.idempotencyKey()).substring(0, 24), true);
    }

    @Override
    public PaymentNotification verify(dev.onshore.was.payments.WebhookRequest request) {
        var timestamp = request.header(SandboxSignatures.TIMESTAMP_HEADER)
                .orElseThrow(() -> new InvalidWebhookException("no timestamp"));
        var signature = request.header(SandboxSignatures.SIGNATURE_HEADER)
                .orElseThrow(() -> new InvalidWebhookException("no signature"));
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw new InvalidWebhookException("a malformed timestamp");
        }
        var body = request.body();
        if (!SandboxSignatures.same(signatures.webhook(seconds, body), signature.strip())) {
            throw new InvalidWebhookException("a wrong signature");
        }
        var age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
        if (age.compareTo(properties.tolerance()) > 0) {
            throw new InvalidWebhookException("a timestamp " + age + " away from now");
        }
        try {
            var event = json.readValue(body, SandboxEvent.class);
            return new PaymentNotification(PROVIDER, event.eventId(), event.orderReference(),
                    event.providerReference(), PaymentNotification.Outcome.valueOf(event.outcome()),
                    Money.of(event.amount(), event.currency()), Instant.parse(event.occurredAt()));
        } catch (RuntimeException e) {
            throw new InvalidWebhookException("an unreadable body", e);
        }
    }

    /** The page a reference stands for, when its signature is right and it has not expired. */
    Optional<SandboxPage> page(String reference) {
        var dot = reference.indexOf('.');
        if (dot < 1 || reference.length() > 4000) {
            return Optional.empty();
        }
        try {
            var payload = new String(Base64.getUrlDecoder().decode(reference.substring(0, dot)),
                    StandardCharsets.UTF_8);
            if (!SandboxSignatures.same(signatures.page(payload), reference.substring(dot + 1))) {
                return Optional.empty();
            }
            return Optional.of(SandboxPage.decode(payload)).filter(page -> page.expiresAt().isAfter(clock.instant()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A signed webhook body and its headers for what the shopper chose on the page. */
    SignedWebhook webhook(SandboxPage page, boolean paid) {
        var outcome = paid && !properties.failPayments() ? PaymentNotification.Outcome.CAPTURED
                : PaymentNotification.Outcome.FAILED;
        var event = new SandboxEvent("evt-" + UUID.randomUUID(), page.orderReference(),
                providerReference(page.orderReference()), outcome.name(), page.amount().amount().toPlainString(),
                page.amount().currency().getCurrencyCode(), clock.instant().toString());
        var body = json.writeValueAsBytes(event);
        var timestamp = clock.instant().getEpochSecond();
        return new SignedWebhook(body, timestamp, signatures.webhook(timestamp, body));
    }

    static String providerReference(String orderReference) {
        return "sbx-" + sha256(orderReference).substring(0, 24);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sandbox's webhook body. */
    record SandboxEvent(String eventId, String orderReference, String providerReference, String outcome,
            String amount, String currency, String occurredAt) {
    }

    /** A webhook ready to send. */
    record SignedWebhook(byte[] body, long timestamp, String signature) {
    }

    /** What a payment page shows and what its webhook reports. */
    record SandboxPage(String orderReference, Money amount, URI returnUrl, Instant expiresAt, String language) {

        String encode() {
            return String.join("\n", orderReference, amount.amount().toPlainString(),
                    amount.currency().getCurrencyCode(), returnUrl.toString(), Long.toString(expiresAt.getEpochSecond()),
                    language);
        }

        static SandboxPage decode(String payload) {
            var parts = payload.split("\n", -1);
            if (parts.length != 6) {
                throw new IllegalArgumentException("not a sandbox page");
            }
            return new SandboxPage(parts[0], Money.of(parts[1], parts[2]), URI.create(parts[3]),
                    Instant.ofEpochSecond(Long.parseLong(parts[4])), parts[5]);
        }

        Locale locale() {
            return Locale.forLanguageTag(language);
        }
    }
}
