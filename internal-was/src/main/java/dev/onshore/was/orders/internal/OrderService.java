package dev.onshore.was.orders.internal;

import dev.onshore.was.orders.ClaimGrounds;
import dev.onshore.was.orders.NewOrder;
import dev.onshore.was.orders.OrderManagement;
import dev.onshore.was.orders.OrderRecipient;
import dev.onshore.was.orders.OrderView;
import dev.onshore.was.orders.PlacedOrder;
import dev.onshore.was.orders.Shipment;
import dev.onshore.was.orders.UnknownOrderException;
import dev.onshore.was.security.BearerTokens;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The orders' life as a capability; each verb loads the order with its row locked, applies it and saves. */
@Service
@Transactional
class OrderService implements OrderManagement {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.UTC);

    private final Orders orders;
    private final Clock clock;
    private final ClaimProperties claims;

    OrderService(Orders orders, Clock clock, ClaimProperties claims) {
        this.orders = orders;
        this.clock = clock;
        this.claims = claims;
    }

    @Override
    public PlacedOrder place(NewOrder order) {
        var now = clock.instant();
        var token = BearerTokens.newToken();
        var placed = Order.place(number(now), order, BearerTokens.hash(token), now);
        orders.save(placed);
        return new PlacedOrder(placed.number(), token, placed.view());
    }

    @Override
    public PlacedOrder importPaid(NewOrder order, String channel, String externalNumber, String by) {
        var now = clock.instant();
        var token = BearerTokens.newToken();
        var imported = Order.imported(number(now), order, channel, externalNumber, by, BearerTokens.hash(token), now);
        orders.save(imported);
        return new PlacedOrder(imported.number(), token, imported.view());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrderView> findImported(String channel, String externalNumber) {
        return orders.findImported(channel, externalNumber).map(Order::view);
    }

    @Override
    public void paymentStarted(String number, String provider, String providerReference) {
        change(number, (order, now) -> order.paymentStarted(provider, providerReference));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrderView> find(String number) {
        return orders.findByNumber(number).map(Order::view);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrderRecipient> recipient(String number) {
        return orders.recipient(number);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrderView> findForShopper(String number, @Nullable String memberSubject,
            @Nullable String accessToken) {
        return orders.findByNumber(number).filter(order -> mayAccess(order, memberSubject, accessToken))
                .map(Order::view);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.List<OrderView> findForMember(String memberSubject, int limit) {
        return orders.numbersOf(memberSubject, Math.clamp(limit, 1, 200)).stream()
                .flatMap(number -> orders.findByNumber(number).stream()).map(Order::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.List<OrderView> findForGuest(String email, int limit) {
        var index = email.isBlank() ? null : orders.emailIndex(email);
        if (index == null) {
            return java.util.List.of();
        }
        return orders.guestNumbersOf(index, Math.clamp(limit, 1, 200)).stream()
                .flatMap(number -> orders.findByNumber(number).stream()).map(Order::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public int openOrdersOf(String memberSubject) {
        return orders.openOf(memberSubject);
    }

    @Override
    public int anonymiseMember(String memberSubject) {
        return orders.anonymise(memberSubject, clock.instant());
    }

    @Override
    public OrderView cancel(String number, String reason) {
        return change(number, (order, now) -> order.cancel(reason, now));
    }

    @Override
    public OrderView startPreparing(String number) {
        return change(number, Order::startPreparing);
    }

    @Override
    public OrderView ship(String number, Shipment shipment) {
        return change(number, (order, now) -> order.ship(shipment, now));
    }

    @Override
    public OrderView markDelivered(String number) {
        return change(number, Order::markDelivered);
    }

    @Override
    public OrderView confirm(String number) {
        return change(number, Order::confirm);
    }

    @Override
    public OrderView requestReturn(String number, ClaimGrounds grounds, Runnable inTransaction) {
        var order = change(number, (claimed, now) -> claimed.requestReturn(grounds, claims.window(), now));
        inTransaction.run();
        return order;
    }

    @Override
    public OrderView requestExchange(String number, String sku, String replacementSku, int quantity,
            ClaimGrounds grounds, Runnable inTransaction) {
        var order = change(number, (claimed, now) -> claimed.requestExchange(sku, replacementSku, quantity,
                grounds, claims.window(), now));
        inTransaction.run();
        return order;
    }

    @Override
    @Transactional(readOnly = true)
    public void checkExchange(String number, String sku, int quantity) {
        var order = orders.findByNumber(number).orElseThrow(() -> new UnknownOrderException(number));
        // The verb on a copy that is never saved: the same rules, no change.
        order.requestExchange(sku, sku, quantity, null, claims.window(), clock.instant());
    }

    @Override
    public @Nullable Instant claimableUntil(OrderView order) {
        if (order.status() != dev.onshore.was.orders.OrderStatus.DELIVERED || order.returnStatus() != null
                || order.exchange() != null) {
            return null;
        }
        var delivered = Order.deliveredAt(order.history());
        var until = delivered == null ? null : delivered.plus(claims.window());
        return until == null || clock.instant().isAfter(until) ? null : until;
    }

    @Override
    public OrderView approveReturn(String number) {
        return change(number, Order::approveReturn);
    }

    @Override
    public OrderView receiveReturn(String number) {
        return change(number, Order::receiveReturn);
    }

    @Override
    public int cancelUnpaid(Instant now) {
        int cancelled = 0;
        for (var number : orders.unpaidPast(now, 500)) {
            var order = orders.lockByNumber(number).orElseThrow();
            if (order.isUnpaidPast(now)) {
                order.cancel("payment-expired", now);
                orders.save(order);
                cancelled++;
            }
        }
        return cancelled;
    }

    /** Applies {@code verb} to the locked order at the clock's instant and saves it. */
    OrderView change(String number, BiConsumer<Order, Instant> verb) {
        var order = orders.lockByNumber(number).orElseThrow(() -> new UnknownOrderException(number));
        verb.accept(order, clock.instant());
        orders.save(order);
        return order.view();
    }

    static boolean mayAccess(Order order, @Nullable String memberSubject, @Nullable String accessToken) {
        if (order.belongsTo(memberSubject)) {
            return true;
        }
        return BearerTokens.matches(accessToken, order.accessTokenHash());
    }

    /** ON + the UTC day + 8 random Crockford base-32 characters: 40 bits, not guessable, easy to read aloud. */
    static String number(Instant now) {
        var random = new char[8];
        for (int i = 0; i < random.length; i++) {
            random[i] = CROCKFORD[RANDOM.nextInt(CROCKFORD.length)];
        }
        return "ON" + DAY.format(now) + "-" + new String(random);
    }

}
