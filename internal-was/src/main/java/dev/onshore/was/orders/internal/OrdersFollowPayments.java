package dev.onshore.was.orders.internal;

import dev.onshore.was.orders.IllegalOrderTransitionException;
import dev.onshore.was.orders.OrderCancelled;
import dev.onshore.was.orders.OrderStatus;
import dev.onshore.was.payments.PaymentCaptured;
import dev.onshore.was.payments.PaymentFailed;
import dev.onshore.was.payments.Payments;
import dev.onshore.was.payments.RefundIssued;
import dev.onshore.was.payments.RefundRequest;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Orders follow their payments: captured → paid (once: a repeated capture changes nothing), failed → cancelled,
 * refunded → recorded. A paid order that is cancelled, or a return that is received, is refunded in full, with an
 * idempotency key per claim so that a redelivered event refunds once.
 * <p>
 * The listeners that refund run without a transaction of their own: the refund due is worked out in a short
 * transaction (for a late capture, with the order locked and looked at), and {@link Payments#refund} then claims the
 * refund, asks the gateway and records its answer, never with a transaction open while the gateway is talked to (a
 * slow gateway would hold a pool connection per refund, and the order's row lock with it).
 */
@Component
class OrdersFollowPayments {

    private static final Logger log = LoggerFactory.getLogger(OrdersFollowPayments.class);

    private final Orders orders;
    private final Payments payments;
    private final Clock clock;
    private final TransactionTemplate transactions;

    OrdersFollowPayments(Orders orders, Payments payments, Clock clock, TransactionTemplate transactions) {
        this.orders = orders;
        this.payments = payments;
        this.clock = clock;
        this.transactions = transactions;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PaymentCaptured captured) {
        refund(() -> markPaid(captured));
    }

    /** Marks the order paid; the refund due when it was cancelled before the money came, else null. */
    private @Nullable RefundRequest markPaid(PaymentCaptured captured) {
        var order = orders.lockByNumber(captured.orderReference()).orElse(null);
        if (order == null) {
            log.warn("A payment was captured for an unknown order {}", captured.orderReference());
            return null;
        }
        try {
            if (order.markPaid(captured.provider(), captured.providerReference(), clock.instant())) {
                orders.save(order);
            }
            return null;
        } catch (IllegalOrderTransitionException e) {
            // Paid after it was cancelled (the pay-by time passed): the money goes back.
            log.warn("Order {} was paid while {}: refunding", order.number(), order.status());
            return new RefundRequest(order.number(), captured.providerReference(), captured.amount(),
                    "paid after cancellation", "late-" + order.number());
        }
    }

    @ApplicationModuleListener
    void on(PaymentFailed failed) {
        var order = orders.lockByNumber(failed.orderReference()).orElse(null);
        if (order != null && order.status() == OrderStatus.PLACED) {
            order.cancel("payment-" + failed.outcome().name().toLowerCase(java.util.Locale.ROOT), clock.instant());
            orders.save(order);
        }
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(OrderCancelled cancelled) {
        if (cancelled.refundDue()) {
            refund(() -> refundInFull(cancelled.orderNumber(), "cancelled: " + cancelled.reason(), "cancel-"));
        }
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(Order.ReturnReceived received) {
        refund(() -> refundInFull(received.orderNumber(), "returned", "return-"));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(Order.RefundRequested requested) {
        refund(() -> {
            var order = orders.findByNumber(requested.orderNumber()).orElseThrow();
            return paymentReference(order).map(reference -> new RefundRequest(requested.orderNumber(), reference,
                    requested.amount(), requested.reason(), requested.idempotencyKey())).orElse(null);
        });
    }

    /**
     * Works out the refund due in a short transaction, then asks for it with none open. Outside a transaction, the
     * listener's transaction-less scope would keep the connection of its first query until it returns, i.e. while
     * the gateway is talked to.
     */
    private void refund(Supplier<@Nullable RefundRequest> due) {
        var request = transactions.execute(status -> due.get());
        if (request != null) {
            payments.refund(request);
        }
    }

    @ApplicationModuleListener
    void on(RefundIssued refund) {
        var order = orders.lockByNumber(refund.orderReference()).orElse(null);
        if (order != null && order.recordRefund(refund.providerRefundId(), refund.amount(), clock.instant())) {
            orders.save(order);
        }
    }

    /** The full refund due for the order, or null when none of our providers holds its money. */
    private @Nullable RefundRequest refundInFull(String number, String reason, String keyPrefix) {
        var order = orders.findByNumber(number).orElseThrow();
        if (order.channel() != null) {
            // Paid on a marketplace: it refunds the buyer; none of our providers holds the money.
            log.info("Order {} ({}) is refunded on its marketplace, not through a payment provider", number,
                    order.channel());
            return null;
        }
        return paymentReference(order).map(reference -> new RefundRequest(number, reference, order.placed().total(),
                reason, keyPrefix + number)).orElse(null);
    }

    private static Optional<String> paymentReference(Order order) {
        if (order.paymentReference() == null) {
            log.error("Order {} is due a refund but has no payment reference", order.number());
        }
        return Optional.ofNullable(order.paymentReference());
    }
}
