package dev.onshore.was.orders.internal;

import dev.onshore.was.shared.AfterCommit;
import dev.onshore.was.orders.OrderCancelled;
import dev.onshore.was.orders.OrderPaid;
import dev.onshore.was.orders.OrderPlaced;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Orders and revenue as business metrics, by market and currency ({@code onshore_orders_placed_total},
 * {@code onshore_orders_paid_total}, {@code onshore_orders_revenue_total} in the currency's major units,
 * {@code onshore_orders_cancelled_total} by reason). Counted on the node that committed the change, after it
 * committed; a counter is for dashboards and alerts, never for accounting (the orders table is).
 *
 * <p>Plain listeners that count once the transaction committed ({@link AfterCommit}), on purpose not
 * {@code @TransactionalEventListener}s: their publications ran the pool dry under a checkout burst. A lost counter
 * increment is no loss worth a publication.
 */
@Component
class OrderMetrics {

    private final io.micrometer.core.instrument.Meter.MeterProvider<Counter> placedOrders;
    private final io.micrometer.core.instrument.Meter.MeterProvider<Counter> paidOrders;
    private final io.micrometer.core.instrument.Meter.MeterProvider<Counter> revenue;
    private final io.micrometer.core.instrument.Meter.MeterProvider<Counter> cancelledOrders;
    private final Orders orders;

    OrderMetrics(MeterRegistry meters, Orders orders) {
        this.placedOrders = Counter.builder("onshore.orders.placed").description("Orders placed").withRegistry(meters);
        this.paidOrders = Counter.builder("onshore.orders.paid").description("Orders paid").withRegistry(meters);
        this.revenue = Counter.builder("onshore.orders.revenue")
                .description("Paid order totals, in the currency's major units").withRegistry(meters);
        this.cancelledOrders = Counter.builder("onshore.orders.cancelled").description("Orders cancelled, by reason")
                .withRegistry(meters);
        this.orders = orders;
    }

    @EventListener
    void on(OrderPlaced placed) {
        AfterCommit.run(() -> placedOrders.withTags("market", placed.market(), "currency", placed.currency())
                .increment());
    }

    @EventListener
    void on(OrderPaid paid) {
        // Read in the order's transaction (its connection), counted once it committed.
        orders.findByNumber(paid.orderNumber()).ifPresent(order -> {
            var total = order.placed().total();
            var tags = new String[] {"market", order.placed().market(), "currency", total.currency().getCurrencyCode()};
            AfterCommit.run(() -> {
                paidOrders.withTags(tags).increment();
                revenue.withTags(tags).increment(total.amount().doubleValue());
            });
        });
    }

    @EventListener
    void on(OrderCancelled cancelled) {
        orders.findByNumber(cancelled.orderNumber()).ifPresent(order -> {
            var market = order.placed().market();
            AfterCommit.run(() -> cancelledOrders.withTags("market", market, "reason", cancelled.reason()).increment());
        });
    }
}
