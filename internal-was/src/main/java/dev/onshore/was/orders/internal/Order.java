package dev.onshore.was.orders.internal;

import dev.onshore.i18n.money.Money;
import dev.onshore.was.orders.ClaimGrounds;
import dev.onshore.was.orders.ClaimLineException;
import dev.onshore.was.orders.ClaimWindowClosedException;
import dev.onshore.was.orders.ExchangeApproved;
import dev.onshore.was.orders.ExchangeRequested;
import dev.onshore.was.orders.ExchangeShipped;
import dev.onshore.was.orders.IllegalOrderTransitionException;
import dev.onshore.was.orders.ExchangeStatus;
import dev.onshore.was.orders.NewOrder;
import dev.onshore.was.orders.OrderExchange;
import dev.onshore.was.orders.OrderCancelled;
import dev.onshore.was.orders.OrderAlreadyClaimedException;
import dev.onshore.was.orders.OrderDelivered;
import dev.onshore.was.orders.OrderNotDeliveredException;
import dev.onshore.was.orders.OrderPaid;
import dev.onshore.was.orders.OrderPlaced;
import dev.onshore.was.orders.OrderShipped;
import dev.onshore.was.orders.OrderStatus;
import dev.onshore.was.orders.OrderView;
import dev.onshore.was.orders.ReturnApproved;
import dev.onshore.was.orders.ReturnRequested;
import dev.onshore.was.orders.ReturnStatus;
import dev.onshore.was.orders.Shipment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The order aggregate. Its verbs are the only way to change it; each refuses a move its state does not allow and
 * registers what happened as an event, published when the order is saved.
 */
final class Order {

    private final UUID id;
    private final String number;
    private final NewOrder placed;
    private final String accessTokenHash;
    private final Instant placedAt;
    private long version;
    private OrderStatus status;
    private @Nullable ReturnStatus returnStatus;
    private @Nullable String paymentProvider;
    private @Nullable String paymentReference;
    private Money refunded;
    private @Nullable Shipment shipment;
    private @Nullable String actor;
    private final @Nullable String channel;
    private @Nullable OrderExchange exchange;
    private @Nullable ClaimGrounds returnGrounds;
    private final @Nullable String externalNumber;
    private final List<OrderView.Step> history;
    private final List<Object> events = new ArrayList<>();

    Order(UUID id, String number, NewOrder placed, String accessTokenHash, Instant placedAt, long version,
            OrderStatus status, @Nullable ReturnStatus returnStatus, @Nullable String paymentProvider,
            @Nullable String paymentReference, Money refunded, List<OrderView.Step> history,
            @Nullable Shipment shipment, @Nullable String channel, @Nullable String externalNumber,
            @Nullable OrderExchange exchange, @Nullable ClaimGrounds returnGrounds) {
        this.id = id;
        this.returnGrounds = returnGrounds;
        this.exchange = exchange;
        this.channel = channel;
        this.externalNumber = externalNumber;
        this.number = number;
        this.placed = placed;
        this.accessTokenHash = accessTokenHash;
        this.placedAt = placedAt;
        this.version = version;
        this.status = status;
        this.returnStatus = returnStatus;
        this.paymentProvider = paymentProvider;
        this.paymentReference = paymentReference;
        this.refunded = refunded;
        this.shipment = shipment;
        this.history = new ArrayList<>(history);
    }

    static Order place(String number, NewOrder order, String accessTokenHash, Instant now) {
        var placed = new Order(UUID.randomUUID(), number, order, accessTokenHash, now, 0, OrderStatus.PLACED, null,
                null, null, Money.zero(order.total().currency()), List.of(new OrderView.Step("PLACED", now)), null,
                null, null, null, null);
        placed.events.add(new OrderPlaced(UUID.randomUUID(), number, order.market(), order.total().amount(),
                order.total().currency().getCurrencyCode(), order.lines().size(), now));
        return placed;
    }

    /**
     * An order taken and paid on a marketplace, imported by {@code by}: placed and paid at once, the channel as its
     * payment provider and the channel's order number as the payment's reference.
     */
    static Order imported(String number, NewOrder order, String channel, String externalNumber, String by,
            String accessTokenHash, Instant now) {
        var imported = new Order(UUID.randomUUID(), number, order, accessTokenHash, now, 0, OrderStatus.PAID, null,
                channel, externalNumber, Money.zero(order.total().currency()),
                List.of(new OrderView.Step("PLACED", now, by), new OrderView.Step("PAID", now, by)), null, channel,
                externalNumber, null, null);
        imported.events.add(new OrderPlaced(UUID.randomUUID(), number, order.market(), order.total().amount(),
                order.total().currency().getCurrencyCode(), order.lines().size(), now));
        imported.events.add(new OrderPaid(UUID.randomUUID(), number, now));
        return imported;
    }

    /**
     * Names the operator whose changes follow, for the steps they add to the history; null (the default) for the
     * shopper, the payment provider or the system.
     */
    Order actingAs(@Nullable String operator) {
        actor = operator;
        return this;
    }

    void paymentStarted(String provider, String reference) {
        paymentProvider = provider;
        paymentReference = reference;
    }

    /** PLACED → PAID; false (and nothing changes) when already paid, so a repeated capture is harmless. */
    boolean markPaid(String provider, String reference, Instant now) {
        if (status == OrderStatus.CANCELLED) {
            throw refused("be paid");
        }
        if (status != OrderStatus.PLACED) {
            return false;
        }
        paymentProvider = provider;
        paymentReference = reference;
        move(OrderStatus.PAID, now);
        events.add(new OrderPaid(UUID.randomUUID(), number, now));
        return true;
    }

    /**
     * Cancels before shipping. A paid order (PAID, PREPARING) is refunded: the event says so.
     */
    void cancel(String reason, Instant now) {
        boolean paid = switch (status) {
            case PLACED -> false;
            case PAID, PREPARING -> true;
            default -> throw refused("be cancelled");
        };
        status = OrderStatus.CANCELLED;
        history.add(new OrderView.Step("CANCELLED:" + reason, now, actor));
        // A marketplace order was paid on its marketplace, which refunds it: no provider of ours holds that money.
        events.add(new OrderCancelled(UUID.randomUUID(), number, reason, paid && channel == null, now));
    }

    void startPreparing(Instant now) {
        require(OrderStatus.PAID, "be prepared");
        move(OrderStatus.PREPARING, now);
    }

    void ship(Shipment with, Instant now) {
        require(OrderStatus.PREPARING, "be shipped");
        shipment = with;
        move(OrderStatus.SHIPPED, now);
        events.add(new OrderShipped(UUID.randomUUID(), number, with.carrier(), with.trackingNumber(), now));
    }

    void markDelivered(Instant now) {
        require(OrderStatus.SHIPPED, "be delivered");
        move(OrderStatus.DELIVERED, now);
        events.add(new OrderDelivered(UUID.randomUUID(), number, now));
    }

    /**
     * An operator asked the payment provider to give back {@code amount}; the money is recorded when the provider
     * confirms ({@link #recordRefund}).
     */
    void requestRefund(Money amount, String reason, Instant now) {
        if (channel != null) {
            throw refused("be refunded here (its marketplace refunds it)");
        }
        if (paymentReference == null || history.stream().noneMatch(step -> step.status().equals("PAID"))) {
            throw refused("be refunded");
        }
        if (!amount.currency().equals(refunded.currency()) || amount.signum() <= 0
                || amount.plus(refunded).compareTo(placed.total()) > 0) {
            throw new IllegalArgumentException("a refund must be positive and at most what is left: "
                    + placed.total().minus(refunded));
        }
        history.add(new OrderView.Step("REFUND_REQUESTED:" + amount.amount().stripTrailingZeros().toPlainString()
                + ":" + reason, now, actor));
        events.add(new RefundRequested(number, amount, reason, "admin-" + number + "-" + UUID.randomUUID()));
    }

    void confirm(Instant now) {
        require(OrderStatus.DELIVERED, "be confirmed");
        if (returnStatus != null || exchangeOpen()) {
            throw refused("be confirmed");
        }
        move(OrderStatus.CONFIRMED, now);
    }

    /** An operator's return request: no reason needed, no window. */
    void requestReturn(Instant now) {
        requestReturn(null, null, now);
    }

    /**
     * A return of the whole delivered order; one claim (return or exchange) per order.
     *
     * @param window how long after delivery the shopper may ask; null for an operator, who is not held to it
     */
    void requestReturn(@Nullable ClaimGrounds grounds, @Nullable Duration window, Instant now) {
        requireClaimable("be returned", window, now);
        returnGrounds = grounds;
        returnTo(ReturnStatus.REQUESTED, now);
        events.add(new ReturnRequested(UUID.randomUUID(), number, now));
    }

    /**
     * Until when the shopper may ask for a return or an exchange: {@code window} after delivery; null when the
     * order was not delivered (or the shopper confirmed the purchase).
     */
    @Nullable Instant claimableUntil(Duration window) {
        if (status != OrderStatus.DELIVERED) {
            return null;
        }
        var delivered = deliveredAt(history);
        return delivered == null ? null : delivered.plus(window);
    }

    /** When the order was (last) delivered, from its history; null when it never was. */
    static @Nullable Instant deliveredAt(List<OrderView.Step> history) {
        return history.reversed().stream().filter(step -> step.status().equals(OrderStatus.DELIVERED.name()))
                .findFirst().map(OrderView.Step::at).orElse(null);
    }

    /** The checks every claim passes, in the order a shopper would want to hear them. */
    private void requireClaimable(String action, @Nullable Duration window, Instant now) {
        if (status == OrderStatus.CONFIRMED && window != null) {
            throw new ClaimWindowClosedException(number, state(), action, history.getLast().at());
        }
        if (status != OrderStatus.DELIVERED) {
            throw new OrderNotDeliveredException(number, state(), action);
        }
        if (returnStatus != null || exchange != null) {
            throw new OrderAlreadyClaimedException(number, state(), action);
        }
        var until = window == null ? null : claimableUntil(window);
        if (until != null && now.isAfter(until)) {
            throw new ClaimWindowClosedException(number, state(), action, until);
        }
    }

    void approveReturn(Instant now) {
        requireReturn(ReturnStatus.REQUESTED, "have its return approved");
        returnTo(ReturnStatus.APPROVED, now);
        events.add(new ReturnApproved(UUID.randomUUID(), number, now));
    }

    void receiveReturn(Instant now) {
        requireReturn(ReturnStatus.APPROVED, "have its return received");
        returnTo(ReturnStatus.RECEIVED, now);
        events.add(new ReturnReceived(number));
    }

    /**
     * A delivered order's line (some of its units) to be exchanged; one exchange per order, none while a return is
     * open.
     */
    void requestExchange(String sku, String replacementSku, int quantity, Instant now) {
        requestExchange(sku, replacementSku, quantity, null, null, now);
    }

    /**
     * {@link #requestExchange(String, String, int, Instant)} with the shopper's grounds and window (null: an
     * operator's, not held to one).
     *
     * @throws ClaimLineException when the order has no line of {@code sku} or fewer units than {@code quantity}
     */
    void requestExchange(String sku, String replacementSku, int quantity, @Nullable ClaimGrounds grounds,
            @Nullable Duration window, Instant now) {
        requireClaimable("be exchanged", window, now);
        var line = placed.lines().stream().filter(candidate -> candidate.sku().equals(sku)).findFirst()
                .orElseThrow(() -> new ClaimLineException(ClaimLineException.SKU, sku, 0));
        if (quantity < 1 || quantity > line.quantity()) {
            throw new ClaimLineException(ClaimLineException.QUANTITY, sku, line.quantity());
        }
        exchange = new OrderExchange(ExchangeStatus.REQUESTED, sku, replacementSku, quantity, null, grounds);
        history.add(new OrderView.Step("EXCHANGE_REQUESTED:" + sku + ">" + replacementSku + "x" + quantity, now,
                actor));
        events.add(new ExchangeRequested(UUID.randomUUID(), number, now));
    }

    void approveExchange(Instant now) {
        exchangeTo(ExchangeStatus.REQUESTED, ExchangeStatus.APPROVED, null, "have its exchange approved", now);
        events.add(new ExchangeApproved(UUID.randomUUID(), number, now));
    }

    void receiveExchange(Instant now) {
        exchangeTo(ExchangeStatus.APPROVED, ExchangeStatus.RECEIVED, null, "have its exchange received", now);
    }

    void shipExchange(Shipment with, Instant now) {
        exchangeTo(ExchangeStatus.RECEIVED, ExchangeStatus.SHIPPED, with, "have its replacement shipped", now);
        events.add(new ExchangeShipped(UUID.randomUUID(), number, with.carrier(), with.trackingNumber(), now));
    }

    private void exchangeTo(ExchangeStatus expected, ExchangeStatus next, @Nullable Shipment with, String action,
            Instant now) {
        var current = exchange;
        if (current == null || current.status() != expected) {
            throw refused(action);
        }
        exchange = new OrderExchange(next, current.sku(), current.replacementSku(), current.quantity(), with,
                current.grounds());
        history.add(new OrderView.Step("EXCHANGE_" + next.name()
                + (with == null ? "" : ":" + with.carrier() + " " + with.trackingNumber()), now, actor));
    }

    private boolean exchangeOpen() {
        return exchange != null && exchange.status() != ExchangeStatus.SHIPPED;
    }

    /**
     * Money went back; a received return is then refunded. False (nothing changes) for a refund already recorded:
     * its event may be delivered more than once.
     */
    boolean recordRefund(String refundId, Money amount, Instant now) {
        var step = "REFUND:" + refundId;
        if (history.stream().anyMatch(entry -> entry.status().equals(step))) {
            return false;
        }
        history.add(new OrderView.Step(step, now));
        refunded = refunded.plus(amount);
        if (returnStatus == ReturnStatus.RECEIVED) {
            returnTo(ReturnStatus.REFUNDED, now);
        }
        return true;
    }

    boolean isUnpaidPast(Instant now) {
        return status == OrderStatus.PLACED && placed.payBy().isBefore(now);
    }

    private void require(OrderStatus expected, String action) {
        if (status != expected) {
            throw refused(action);
        }
    }

    private void requireReturn(ReturnStatus expected, String action) {
        if (returnStatus != expected) {
            throw refused(action);
        }
    }

    private IllegalOrderTransitionException refused(String action) {
        return new IllegalOrderTransitionException(number, state(), action);
    }

    /** The status with the claims' ({@code DELIVERED/RETURN_REQUESTED}), as refusals name it. */
    private String state() {
        var state = returnStatus == null ? status.name() : status.name() + "/RETURN_" + returnStatus.name();
        return exchange == null ? state : state + "/EXCHANGE_" + exchange.status().name();
    }

    private void move(OrderStatus next, Instant now) {
        status = next;
        history.add(new OrderView.Step(next.name(), now, actor));
    }

    private void returnTo(ReturnStatus next, Instant now) {
        returnStatus = next;
        history.add(new OrderView.Step("RETURN_" + next.name(), now, actor));
    }

    List<Object> takeEvents() {
        var taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    OrderView view() {
        return new OrderView(number, placed.market(), status, returnStatus, placed.memberSubject(), placed.lines(),
                placed.subtotal(), placed.shipping(), placed.tax(), placed.taxIncluded(), placed.total(),
                placed.baseTotal(), placed.rateToBase(), placed.rateAsOf(), placed.shippingMethod(), placed.shipTo(),
                paymentProvider, paymentReference, refunded, placedAt, placed.payBy(), List.copyOf(history),
                placed.discount(), placed.couponCode(), shipment, channel, exchange, returnGrounds);
    }

    UUID id() {
        return id;
    }

    String number() {
        return number;
    }

    NewOrder placed() {
        return placed;
    }

    String accessTokenHash() {
        return accessTokenHash;
    }

    Instant placedAt() {
        return placedAt;
    }

    long version() {
        return version;
    }

    void saved() {
        version++;
    }

    OrderStatus status() {
        return status;
    }

    @Nullable ReturnStatus returnStatus() {
        return returnStatus;
    }

    @Nullable String paymentProvider() {
        return paymentProvider;
    }

    @Nullable String paymentReference() {
        return paymentReference;
    }

    Money refunded() {
        return refunded;
    }

    @Nullable Shipment shipment() {
        return shipment;
    }

    @Nullable OrderExchange exchange() {
        return exchange;
    }

    @Nullable ClaimGrounds returnGrounds() {
        return returnGrounds;
    }

    @Nullable String channel() {
        return channel;
    }

    @Nullable String externalNumber() {
        return externalNumber;
    }

    List<OrderView.Step> history() {
        return List.copyOf(history);
    }

    boolean belongsTo(@Nullable String memberSubject) {
        return memberSubject != null && Objects.equals(placed.memberSubject(), memberSubject);
    }

    /**
     * Internal: an operator's refund is to be asked of the payment provider, after the request is committed (the
     * orders area's own listener does it, outside the order's transaction); the key makes a redelivery refund once.
     */
    record RefundRequested(String orderNumber, Money amount, String reason, String idempotencyKey) {
    }

    /** Internal: a received return is to be refunded (the orders area's own listener does it). */
    record ReturnReceived(String orderNumber) {
    }
}
