package dev.onshore.was.orders.internal;

import dev.onshore.i18n.money.Money;
import dev.onshore.was.audit.AuditTrail;
import dev.onshore.was.orders.OrderDesk;
import dev.onshore.was.orders.OrderQuery;
import dev.onshore.was.orders.OrderSummary;
import dev.onshore.was.orders.OrderView;
import dev.onshore.was.orders.Shipment;
import dev.onshore.was.orders.UnknownOrderException;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operators' moves: each loads the order with its row locked, applies the verb under the operator's name,
 * saves (publishing the order's events) and writes the audit row, all in one transaction.
 */
@Service
@Transactional
class OrderDeskService implements OrderDesk {

    private final Orders orders;
    private final AuditTrail audit;
    private final Clock clock;

    OrderDeskService(Orders orders, AuditTrail audit, Clock clock) {
        this.orders = orders;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public OrderSummary.Page search(OrderQuery query) {
        return orders.search(query);
    }

    @Override
    public OrderView startPreparing(String number, String by) {
        return change(number, by, "order.prepare", Order::startPreparing);
    }

    @Override
    public OrderView ship(String number, Shipment shipment, String by) {
        return change(number, by, "order.ship", (order, now) -> order.ship(shipment, now));
    }

    @Override
    public OrderView markDelivered(String number, String by) {
        return change(number, by, "order.deliver", Order::markDelivered);
    }

    @Override
    public OrderView cancel(String number, String reason, String by) {
        return change(number, by, "order.cancel", (order, now) -> order.cancel("operator: " + reason, now));
    }

    @Override
    public OrderView refund(String number, Money amount, String reason, String by) {
        // The provider is asked after commit (Order.RefundRequested); its confirmation records the money.
        return change(number, by, "order.refund", (order, now) -> order.requestRefund(amount, reason, now));
    }

    @Override
    public OrderView requestReturn(String number, String by) {
        return change(number, by, "order.return.request", Order::requestReturn);
    }

    @Override
    public OrderView approveReturn(String number, String by) {
        return change(number, by, "order.return.approve", Order::approveReturn);
    }

    @Override
    public OrderView receiveReturn(String number, String by) {
        return change(number, by, "order.return.receive", Order::receiveReturn);
    }

    @Override
    public OrderView requestExchange(String number, String sku, String replacementSku, int quantity, String by) {
        return change(number, by, "order.exchange.request",
                (order, now) -> order.requestExchange(sku, replacementSku, quantity, now));
    }

    @Override
    public OrderView approveExchange(String number, String by) {
        return change(number, by, "order.exchange.approve", Order::approveExchange);
    }

    @Override
    public OrderView receiveExchange(String number, String by) {
        return change(number, by, "order.exchange.receive", Order::receiveExchange);
    }

    @Override
    public OrderView shipExchange(String number, Shipment shipment, String by) {
        return change(number, by, "order.exchange.ship", (order, now) -> order.shipExchange(shipment, now));
    }

    /** Applies {@code verb} to the locked order as {@code by} at the clock's instant, saves and audits it. */
    private OrderView change(String number, String by, String action, BiConsumer<Order, Instant> verb) {
        var order = orders.lockByNumber(number).orElseThrow(() -> new UnknownOrderException(number));
        var before = Audited.of(order.view());
        verb.accept(order.actingAs(by), clock.instant());
        orders.save(order);
        var after = order.view();
        audit.record(action, "order:" + number, before, Audited.of(after));
        return after;
    }

    /** What the audit log keeps of an order before and after a move. */
    record Audited(String status, @Nullable String returnStatus, String refunded, @Nullable Shipment shipment,
            String lastStep, dev.onshore.was.orders.@Nullable OrderExchange exchange) {

        static Audited of(OrderView order) {
            return new Audited(order.status().name(),
                    order.returnStatus() == null ? null : order.returnStatus().name(),
                    order.refunded().amount().toPlainString() + " " + order.refunded().currency().getCurrencyCode(),
                    order.shipment(), order.history().getLast().status(), order.exchange());
        }
    }
}
