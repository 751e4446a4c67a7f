package dev.onshore.was.orders.internal;

import dev.onshore.was.orders.OrderCancelled;
import dev.onshore.was.orders.OrderPaid;
import dev.onshore.was.orders.OrderPlaced;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Orders and revenue as business metrics, by market and currency ({@code onshore_orders_placed_total},
 * {@code onshore_orders_paid_total}, {@code onshore_orders_revenue_total} in the currency's major units,
 * {@code onshore_orders_cancelled_total} by reason). Counted on the node that committed the change, after it
 * committed; a counter is for dashboards and alerts, never for accounting (the orders table is).
 *
 * <p>Plain listeners that count in the transaction's {@code afterCommit}, on purpose not
 * {@code @TransactionalEventListener}s: Spring Modulith records a publication for every one of those and marks it
 * completed in a transaction of its own, a second pool connection taken while the order's connection is still
 * bound. Under a checkout burst every request held one connection and waited for a second: the pool ran dry and
 * orders waited for the pool's timeout. A lost counter increment is no loss worth a publication.
 */
@Component
class OrderMetrics {

    private final MeterRegistry meters;
    private final Orders orders;

    OrderMetrics(MeterRegistry meters, Orders orders) {
        this.meters = meters;
        this.orders = orders;
    }

    @EventListener
    void on(OrderPlaced placed) {
        afterCommit(() -> Counter.builder("onshore.orders.placed").description("Orders placed")
                .tags("market", placed.market(), "currency", placed.currency()).register(meters).increment());
    }

    @EventListener
    void on(OrderPaid paid) {
        // Read in the order's transaction (its connection), counted once it committed.
        orders.findByNumber(paid.orderNumber()).ifPresent(order -> {
            var total = order.placed().total();
            var tags = new String[] {"market", order.placed().market(), "currency", total.currency().getCurrencyCode()};
            afterCommit(() -> {
                Counter.builder("onshore.orders.paid").description("Orders paid").tags(tags).register(meters)
                        .increment();
                Counter.builder("onshore.orders.revenue").description("Paid order totals, in the currency's major units")
                        .tags(tags).register(meters).increment(total.amount().doubleValue());
            });
        });
    }

    @EventListener
    void on(OrderCancelled cancelled) {
        orders.findByNumber(cancelled.orderNumber()).ifPresent(order -> {
            var market = order.placed().market();
            afterCommit(() -> Counter.builder("onshore.orders.cancelled").description("Orders cancelled, by reason")
                    .tags("market", market, "reason", cancelled.reason()).register(meters).increment());
        });
    }

    /** Runs {@code count} once the current transaction committed (never if it rolls back), or now without one. */
    static void afterCommit(Runnable count) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }
}
