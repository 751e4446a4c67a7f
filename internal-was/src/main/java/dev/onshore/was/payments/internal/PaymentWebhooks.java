package dev.onshore.was.payments.internal;

import dev.onshore.was.payments.InvalidWebhookException;
import dev.onshore.was.payments.PaymentCaptured;
import dev.onshore.was.payments.PaymentFailed;
import dev.onshore.was.payments.PaymentNotification;
import dev.onshore.was.payments.WebhookRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Acts on providers' webhooks: the gateway checks the signature; then, in one transaction, the provider's event
 * id is recorded (a unique key: a replay or a concurrent duplicate stops there), the amount and currency are
 * checked against what was started, and the payment moves by a guarded update, so that a capture is recorded and
 * published once however many times, and however concurrently, the provider calls.
 */
@Service
public class PaymentWebhooks {

    private static final Logger log = LoggerFactory.getLogger(PaymentWebhooks.class);

    private final Gateways gateways;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<MeterRegistry> meters;
    private final Clock clock;

    PaymentWebhooks(Gateways gateways, JdbcClient jdbc, TransactionTemplate transactions,
            ApplicationEventPublisher events, ObjectProvider<MeterRegistry> meters, Clock clock) {
        this.clock = clock;
        this.gateways = gateways;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.meters = meters;
    }

    /**
     * @throws UnknownProviderException when no gateway has this name
     * @throws InvalidWebhookException when the signature, format or age is wrong (nothing is recorded)
     * @throws PaymentMismatchException when the amount, currency or order does not match (nothing is recorded)
     */
    public WebhookOutcome handle(String provider, WebhookRequest request) {
        var gateway = gateways.byProvider(provider).orElseThrow(() -> new UnknownProviderException(provider));
        PaymentNotification notification;
        try {
            notification = gateway.verify(request);
        } catch (InvalidWebhookException e) {
            count("invalid", provider);
            log.warn("Refused a {} webhook: {}", provider, e.getMessage());
            throw e;
        }
        if (!notification.provider().equals(gateway.provider())) {
            count("invalid", provider);
            throw new InvalidWebhookException("the notification names another provider");
        }
        try {
            return transactions.execute(status -> act(notification));
        } catch (DuplicateKeyException e) {
            count("duplicate", provider);
            return WebhookOutcome.DUPLICATE;
        } catch (PaymentMismatchException e) {
            count("mismatch", provider);
            log.warn("Refused a {} webhook for order {}: {}", provider, notification.orderReference(), e.getMessage());
            throw e;
        }
    }

    private WebhookOutcome act(PaymentNotification notification) {
        // The unique key: a concurrent duplicate waits here for the first transaction, then fails.
        jdbc.sql("""
                INSERT INTO payment_webhook_event (provider, event_id, order_number, outcome, received_at)
                VALUES (?, ?, ?, ?, ?)""").params(notification.provider(), notification.eventId(),
                notification.orderReference(), notification.outcome().name(), Timestamp.from(clock.instant())).update();
        var payment = jdbc.sql("""
                SELECT provider, amount, currency, state FROM payment WHERE order_number = ? FOR UPDATE""")
                .param(notification.orderReference())
                .query((rs, row) -> new Object[] {rs.getString("provider"), rs.getBigDecimal("amount"),
                        rs.getString("currency"), rs.getString("state")}).optional()
                .orElseThrow(() -> new PaymentMismatchException("no payment was started for this order"));
        var reported = notification.amount();
        if (!payment[0].equals(notification.provider())) {
            throw new PaymentMismatchException("the order's payment was started at " + payment[0]);
        }
        if (!reported.currency().getCurrencyCode().equals(payment[2])) {
            throw new PaymentMismatchException("currency " + reported.currency() + " is not " + payment[2]);
        }
        if (notification.outcome() == PaymentNotification.Outcome.CAPTURED
                && reported.amount().compareTo((java.math.BigDecimal) payment[1]) != 0) {
            throw new PaymentMismatchException("amount " + reported + " is not " + payment[1]);
        }
        var now = Timestamp.from(clock.instant());
        switch (notification.outcome()) {
            case CAPTURED -> {
                // A capture after a failure or expiry still took money: it is recorded (orders then refund).
                if (move(notification, "STARTED", "CAPTURED", now) || move(notification, "FAILED", "CAPTURED", now)) {
                    events.publishEvent(new PaymentCaptured(notification.orderReference(), notification.provider(),
                            notification.providerReference(), reported, notification.occurredAt()));
                    count("captured", notification.provider());
                }
            }
            case FAILED, EXPIRED -> {
                if (move(notification, "STARTED", "FAILED", now)) {
                    events.publishEvent(new PaymentFailed(notification.orderReference(), notification.provider(),
                            notification.providerReference(), notification.outcome(), notification.occurredAt()));
                }
            }
            case PENDING, REFUNDED -> {
                // Nothing to change: a refund is recorded when the gateway confirms it to the refund call.
            }
        }
        return WebhookOutcome.PROCESSED;
    }

    private boolean move(PaymentNotification notification, String from, String to, Timestamp now) {
        return jdbc.sql("""
                UPDATE payment SET state = :to, provider_reference = :reference, updated_at = :now
                WHERE order_number = :order AND state = :from""")
                .param("to", to).param("reference", notification.providerReference()).param("now", now)
                .param("order", notification.orderReference()).param("from", from).update() == 1;
    }

    private void count(String outcome, String provider) {
        meters.ifAvailable(registry -> registry.counter("onshore.payments.webhooks", "outcome", outcome,
                "provider", provider).increment());
    }
}
