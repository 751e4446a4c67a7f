package dev.onshore.was.payments.internal;

import dev.onshore.i18n.money.Money;
import dev.onshore.was.payments.PaymentProviderException;
import dev.onshore.was.payments.PaymentRequest;
import dev.onshore.was.payments.PaymentSession;
import dev.onshore.was.payments.Payments;
import dev.onshore.was.payments.RefundIssued;
import dev.onshore.was.payments.RefundRequest;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts payments on the market's gateway and refunds them. The payment row records what every webhook must match;
 * a refund row per idempotency key makes a retried refund a no-op. Provider calls happen outside database
 * transactions (a slow provider must not hold row locks or connections).
 * <p>
 * A refund goes in three steps, as an order mail does ({@code MailDelivery}): the refund is claimed (its row,
 * {@code REQUESTED}, committed on its own), the gateway is asked with no transaction open, and its answer is recorded
 * in a second short transaction. A node that dies between the steps leaves the claim {@code REQUESTED}: the event's
 * next delivery asks the gateway again with the same idempotency key, which the gateway answers with the refund it
 * made the first time, so the money goes back once.
 */
@Service
class PaymentService implements Payments {

    private final JdbcClient jdbc;
    private final Gateways gateways;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaymentService(JdbcClient jdbc, Gateways gateways, TransactionTemplate transactions,
            ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.gateways = gateways;
        this.transactions = transactions;
        this.events = events;
    }

    @Override
    public PaymentSession start(PaymentRequest request) {
        var existing = payment(request.orderReference()).orElse(null);
        if (existing != null) {
            if (!existing.state().equals("STARTED")) {
                throw new PaymentProviderException("the payment of " + request.orderReference() + " is already "
                        + existing.state(), false);
            }
            return session(request.orderReference()).orElseThrow();
        }
        var gateway = gateways.forCurrency(request.amount().currency());
        var session = gateway.open(request);
        var now = Timestamp.from(clock.instant());
        try {
            jdbc.sql("""
                    INSERT INTO payment (order_number, provider, provider_reference, amount, currency, state,
                      redirect_url, expires_at, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, 'STARTED', ?, ?, ?, ?)""")
                    .params(request.orderReference(), session.provider(), session.providerReference(),
                            request.amount().rounded().toStorageAmount(),
                            request.amount().currency().getCurrencyCode(), session.redirectUrl().toString(),
                            Timestamp.from(session.expiresAt()), now, now).update();
        } catch (DuplicateKeyException e) {
            return session(request.orderReference()).orElseThrow(); // started concurrently: the first one wins
        }
        return session;
    }

    @Override
    public void refund(RefundRequest request) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A refund is asked for with no transaction open: it would hold a pool "
                    + "connection for as long as the gateway takes");
        }
        // Each step in a transaction of its own, ended before the gateway is asked: outside one, a listener's
        // transaction-less scope would keep the connection of its first query until the listener returns.
        var provider = transactions.execute(status -> claim(request));
        if (provider == null) {
            return; // done (or waiting for the provider's confirmation) already
        }
        var gateway = gateways.byProvider(provider).orElseThrow(() ->
                new PaymentProviderException("gateway " + provider + " is not available", false));
        var result = gateway.refund(request);
        transactions.executeWithoutResult(status -> {
            int moved = jdbc.sql("""
                    UPDATE payment_refund SET state = :state, provider_refund_id = :refundId
                    WHERE idempotency_key = :key AND state = 'REQUESTED'""")
                    .param("state", result.settled() ? "SETTLED" : "PENDING")
                    .param("refundId", result.providerRefundId()).param("key", request.idempotencyKey()).update();
            if (moved == 1 && result.settled()) {
                jdbc.sql("UPDATE payment SET state = 'REFUNDED', updated_at = ? WHERE order_number = ?")
                        .params(Timestamp.from(clock.instant()), request.orderReference()).update();
                events.publishEvent(new RefundIssued(request.orderReference(), provider,
                        result.providerRefundId(), request.amount(), clock.instant()));
            }
        });
    }

    /**
     * Claims the refund (its row, {@code REQUESTED}) for its idempotency key.
     *
     * @return the provider to ask, or null when the refund was asked for and answered before
     */
    private @Nullable String claim(RefundRequest request) {
        var payment = payment(request.orderReference())
                .orElseThrow(() -> new PaymentProviderException("no payment for " + request.orderReference(), false));
        if (!payment.amount().currency().equals(request.amount().currency())
                || request.amount().isGreaterThan(payment.amount())) {
            throw new PaymentProviderException("a refund of " + request.amount() + " exceeds the payment "
                    + payment.amount(), false);
        }
        try {
            jdbc.sql("""
                    INSERT INTO payment_refund (idempotency_key, order_number, amount, currency, state, created_at)
                    VALUES (?, ?, ?, ?, 'REQUESTED', ?)""")
                    .params(request.idempotencyKey(), request.orderReference(),
                            request.amount().rounded().toStorageAmount(), request.amount().currency().getCurrencyCode(),
                            Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            var state = jdbc.sql("SELECT state FROM payment_refund WHERE idempotency_key = ?")
                    .param(request.idempotencyKey()).query(String.class).single();
            if (!"REQUESTED".equals(state)) {
                return null;
            }
            // Claimed before, its answer not recorded (the gateway failed, or the node died before recording it):
            // asked again with the same key.
        }
        return payment.provider();
    }

    Optional<StartedPayment> payment(String orderNumber) {
        return jdbc.sql("SELECT * FROM payment WHERE order_number = ?").param(orderNumber)
                .query((rs, row) -> new StartedPayment(rs.getString("order_number"), rs.getString("provider"),
                        rs.getString("provider_reference"),
                        Money.of(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency"))),
                        rs.getString("state"), URI.create(rs.getString("redirect_url")),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    private Optional<PaymentSession> session(String orderNumber) {
        return payment(orderNumber).filter(payment -> payment.state().equals("STARTED"))
                .map(payment -> new PaymentSession(payment.provider(), payment.providerReference(),
                        payment.redirectUrl(), payment.expiresAt()));
    }

    /** A payment as recorded when it was started. */
    record StartedPayment(String orderNumber, String provider, String providerReference, Money amount, String state,
            URI redirectUrl, Instant expiresAt) {
    }
}
