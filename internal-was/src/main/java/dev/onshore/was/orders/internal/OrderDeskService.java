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
import java.util.function.Consumer;
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
        return change(number, by, "order.prepare", order -> order.startPreparing(clock.instant()));
    }

    @Override
    public OrderView ship(String number, Shipment shipment, String by) {
        return change(number, by, "order.ship", order -> order.ship(shipment, clock.instant()));
    }

    @Override
    public OrderView markDelivered(String number, String by) {
        return change(number, by, "order.deliver", order -> order.markDelivered(clock.instant()));
    }

    @Override
    public OrderView cancel(String number, String reason, String by) {
        return change(number, by, "order.cancel", order -> order.cancel("operator: " + reason, clock.instant()));
    }

    @Override
    public OrderView refund(String number, Money amount, String reason, String by) {
        // The provider is asked after commit (Order.RefundRequested); its confirmation records the money.
        return change(number, by, "order.refund", order -> order.requestRefund(amount, reason, clock.instant()));
    }

    @Override
    public OrderView requestReturn(String number, String by) {
        return change(number, by, "order.return.request", order -> order.requestReturn(clock.instant()));
    }

    @Override
    public OrderView approveReturn(String number, String by) {
        return change(number, by, "order.return.approve", order -> order.approveReturn(clock.instant()));
    }

    @Override
    public OrderView receiveReturn(String number, String by) {
        return change(number, by, "order.return.receive", order -> order.receiveReturn(clock.instant()));
    }

    @Override
    public OrderView requestExchange(String number, String sku, String replacementSku, int quantity, String by) {
        return change(number, by, "order.exchange.request",
                order -> order.requestExchange(sku, replacementSku, quantity, clock.instant()));
    }

    @Override
    public OrderView approveExchange(String number, String by) {
        return change(number, by, "order.exchange.approve", order -> order.approveExchange(clock.instant()));
    }

    @Override
    public OrderView receiveExchange(String number, String by) {
        return change(number, by, "order.exchange.receive", order -> order.receiveExchange(clock.instant()));
    }

    @Override
    public OrderView shipExchange(String number, Shipment shipment, String by) {
        return change(number, by, "order.exchange.ship", order -> order.shipExchange(shipment, clock.instant()));
    }

    private OrderView change(String number, String by, String action, Consumer<Order> verb) {
        var order = orders.lockByNumber(number).orElseThrow(() -> new UnknownOrderException(number));
        var before = Audited.of(order.view());
        verb.accept(order.actingAs(by));
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
