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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Orders follow their payments: captured → paid (once: a repeated capture changes nothing), failed → cancelled,
 * refunded → recorded. A paid order that is cancelled, or a return that is received, is refunded in full, with an
 * idempotency key per claim so that a redelivered event refunds once.
 */
@Component
class OrdersFollowPayments {

    private static final Logger log = LoggerFactory.getLogger(OrdersFollowPayments.class);

    private final Orders orders;
    private final Payments payments;
    private final Clock clock;

    OrdersFollowPayments(Orders orders, Payments payments, Clock clock) {
        this.orders = orders;
        this.payments = payments;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(PaymentCaptured captured) {
        var order = orders.lockByNumber(captured.orderReference()).orElse(null);
        if (order == null) {
            log.warn("A payment was captured for an unknown order {}", captured.orderReference());
            return;
        }
        try {
            if (order.markPaid(captured.provider(), captured.providerReference(), clock.instant())) {
                orders.save(order);
            }
        } catch (IllegalOrderTransitionException e) {
            // Paid after it was cancelled (the pay-by time passed): the money goes back.
            log.warn("Order {} was paid while {}: refunding", order.number(), order.status());
            payments.refund(new RefundRequest(order.number(), captured.providerReference(), captured.amount(),
                    "paid after cancellation", "late-" + order.number()));
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

    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        if (cancelled.refundDue()) {
            refundInFull(cancelled.orderNumber(), "cancelled: " + cancelled.reason(), "cancel-");
        }
    }

    @ApplicationModuleListener
    void on(Order.ReturnReceived received) {
        refundInFull(received.orderNumber(), "returned", "return-");
    }

    @ApplicationModuleListener
    void on(Order.RefundRequested requested) {
        var order = orders.findByNumber(requested.orderNumber()).orElseThrow();
        var reference = order.paymentReference();
        if (reference == null) {
            log.error("Order {} is due a refund but has no payment reference", requested.orderNumber());
            return;
        }
        payments.refund(new RefundRequest(requested.orderNumber(), reference, requested.amount(), requested.reason(),
                requested.idempotencyKey()));
    }

    @ApplicationModuleListener
    void on(RefundIssued refund) {
        var order = orders.lockByNumber(refund.orderReference()).orElse(null);
        if (order != null && order.recordRefund(refund.providerRefundId(), refund.amount(), clock.instant())) {
            orders.save(order);
        }
    }

    private void refundInFull(String number, String reason, String keyPrefix) {
        var order = orders.findByNumber(number).orElseThrow();
        if (order.channel() != null) {
            // Paid on a marketplace: it refunds the buyer; none of our providers holds the money.
            log.info("Order {} ({}) is refunded on its marketplace, not through a payment provider", number,
                    order.channel());
            return;
        }
        var reference = order.paymentReference();
        if (reference == null) {
            log.error("Order {} is due a refund but has no payment reference", number);
            return;
        }
        payments.refund(new RefundRequest(number, reference, order.placed().total(), reason, keyPrefix + number));
    }
}
