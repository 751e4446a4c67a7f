package dev.onshore.was.orders.internal;

import dev.onshore.i18n.money.Money;
import dev.onshore.was.orders.NewOrder;
import dev.onshore.was.orders.OrderQuery;
import dev.onshore.was.orders.OrderStatus;
import dev.onshore.was.orders.OrderSummary;
import dev.onshore.was.orders.PaymentState;
import dev.onshore.was.orders.OrderRecipient;
import dev.onshore.was.orders.OrderView;
import dev.onshore.was.orders.ReturnStatus;
import dev.onshore.was.orders.Shipment;
import dev.onshore.was.pii.PiiAttributeConverter;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The orders, kept in MariaDB. Saving publishes the events the order registered (in the caller's transaction, so
 * the publication registry records them with the change) and refuses a stale copy (optimistic version check). The
 * recipient (delivery address and e-mail address) is stored encrypted ({@link PiiAttributeConverter},
 * docs/security/pii-encryption.md) and decrypted only when an order is read.
 */
@Repository
class Orders {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PiiAttributeConverter pii;

    Orders(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, PiiAttributeConverter pii) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.pii = pii;
    }

    void save(Order order) {
        var placed = order.placed();
        if (order.version() == 0) {
            jdbc.sql("""
                    INSERT INTO shop_order (id, number, version, market, language, member_subject, access_token_hash,
                      status, return_status, currency, subtotal, shipping, tax, tax_included, total, base_currency,
                      base_total, rate_to_base, rate_as_of, shipping_method, ship_to, email, payment_provider,
                      payment_reference, refunded, placed_at, pay_by, updated_at, time_zone, discount, coupon_code,
                      channel, external_order_number, email_index)
                    VALUES (:id, :number, 1, :market, :language, :member, :token, :status, :returnStatus, :currency,
                      :subtotal, :shipping, :tax, :taxIncluded, :total, :baseCurrency, :baseTotal, :rate, :rateAsOf,
                      :shippingMethod, :shipTo, :email, :provider, :reference, :refunded, :placedAt, :payBy, :now,
                      :timeZone, :discount, :couponCode, :channel, :externalNumber, :emailIndex)""")
                    .param("id", bytes(order.id())).param("number", order.number())
                    .param("market", placed.market()).param("language", placed.language())
                    .param("member", placed.memberSubject()).param("token", order.accessTokenHash())
                    .param("status", order.status().name())
                    .param("returnStatus", order.returnStatus() == null ? null : order.returnStatus().name())
                    .param("currency", placed.total().currency().getCurrencyCode())
                    .param("subtotal", placed.subtotal().toStorageAmount())
                    .param("shipping", placed.shipping().toStorageAmount())
                    .param("tax", placed.tax().toStorageAmount()).param("taxIncluded", placed.taxIncluded())
                    .param("total", placed.total().toStorageAmount())
                    .param("baseCurrency", placed.baseTotal().currency().getCurrencyCode())
                    .param("baseTotal", placed.baseTotal().toStorageAmount())
                    .param("rate", placed.rateToBase()).param("rateAsOf", Timestamp.from(placed.rateAsOf()))
                    .param("shippingMethod", placed.shippingMethod()).param("shipTo", encrypt(placed.shipTo()))
                    .param("email", encrypt(placed.email())).param("provider", order.paymentProvider())
                    .param("reference", order.paymentReference())
                    .param("refunded", order.refunded().toStorageAmount())
                    .param("placedAt", Timestamp.from(order.placedAt())).param("payBy", Timestamp.from(placed.payBy()))
                    .param("now", Timestamp.from(clock.instant()))
                    .param("timeZone", placed.timeZone() == null ? null : placed.timeZone().getId())
                    .param("discount", placed.discount().toStorageAmount())
                    .param("couponCode", placed.couponCode()).param("channel", order.channel())
                    .param("externalNumber", order.externalNumber())
                    .param("emailIndex", placed.memberSubject() == null ? emailIndex(placed.email()) : null).update();
            int position = 0;
            for (var line : placed.lines()) {
                jdbc.sql("""
                        INSERT INTO shop_order_line (order_id, position, sku, name, unit_price, currency, quantity)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""").params(bytes(order.id()), position++, line.sku(), line.name(),
                        line.unitPrice().toStorageAmount(), line.unitPrice().currency().getCurrencyCode(),
                        line.quantity()).update();
            }
        } else {
            var exchange = order.exchange();
            int updated = jdbc.sql("""
                    UPDATE shop_order SET version = version + 1, status = :status, return_status = :returnStatus,
                      payment_provider = :provider, payment_reference = :reference, refunded = :refunded,
                      carrier = :carrier, tracking_number = :tracking, updated_at = :now,
                      exchange_status = :exchangeStatus, exchange_sku = :exchangeSku,
                      exchange_replacement_sku = :replacementSku, exchange_quantity = :exchangeQuantity,
                      exchange_carrier = :exchangeCarrier, exchange_tracking_number = :exchangeTracking,
                      exchange_reason = :exchangeReason, exchange_note = :exchangeNote,
                      return_reason = :returnReason, return_note = :returnNote
                    WHERE id = :id AND version = :version""")
                    .param("status", order.status().name())
                    .param("returnStatus", order.returnStatus() == null ? null : order.returnStatus().name())
                    .param("provider", order.paymentProvider()).param("reference", order.paymentReference())
                    .param("refunded", order.refunded().toStorageAmount()).param("now", Timestamp.from(clock.instant()))
                    .param("carrier", order.shipment() == null ? null : order.shipment().carrier())
                    .param("tracking", order.shipment() == null ? null : order.shipment().trackingNumber())
                    .param("exchangeStatus", exchange == null ? null : exchange.status().name())
                    .param("exchangeSku", exchange == null ? null : exchange.sku())
                    .param("replacementSku", exchange == null ? null : exchange.replacementSku())
                    .param("exchangeQuantity", exchange == null ? null : exchange.quantity())
                    .param("exchangeCarrier", exchange == null || exchange.shipment() == null ? null
                            : exchange.shipment().carrier())
                    .param("exchangeTracking", exchange == null || exchange.shipment() == null ? null
                            : exchange.shipment().trackingNumber())
                    .param("exchangeReason", exchange == null || exchange.grounds() == null ? null
                            : exchange.grounds().reason().name())
                    .param("exchangeNote", exchange == null || exchange.grounds() == null ? null
                            : encryptNote(exchange.grounds().note()))
                    .param("returnReason", order.returnGrounds() == null ? null : order.returnGrounds().reason().name())
                    .param("returnNote", order.returnGrounds() == null ? null
                            : encryptNote(order.returnGrounds().note()))
                    .param("id", bytes(order.id())).param("version", order.version()).update();
            if (updated != 1) {
                throw new OptimisticLockingFailureException("order " + order.number() + " changed meanwhile");
            }
            jdbc.sql("DELETE FROM shop_order_history WHERE order_id = ?").param(bytes(order.id())).update();
        }
        int position = 0;
        for (var step : order.history()) {
            jdbc.sql("INSERT INTO shop_order_history (order_id, position, status, at, actor) VALUES (?, ?, ?, ?, ?)")
                    .params(bytes(order.id()), position++, step.status(), Timestamp.from(step.at()), step.by())
                    .update();
        }
        order.saved();
        order.takeEvents().forEach(events::publishEvent);
    }

    Optional<Order> findByNumber(String number) {
        return find("number = ?", number, false);
    }

    /** Whom to tell about the order and how, from its row alone (every order mail asks). */
    Optional<OrderRecipient> recipient(String number) {
        return jdbc.sql("SELECT email, language, time_zone FROM shop_order WHERE number = ?").param(number)
                .query((rs, row) -> new OrderRecipient(decrypt(rs.getString("email")), rs.getString("language"),
                        zone(rs.getString("time_zone"))))
                .optional();
    }

    Optional<Order> findImported(String channel, String externalNumber) {
        var number = jdbc.sql("SELECT number FROM shop_order WHERE channel = ? AND external_order_number = ?")
                .params(channel, externalNumber).query(String.class).optional();
        return number.flatMap(this::findByNumber);
    }

    /** The order, its row locked until the transaction ends (for reactions that must not interleave). */
    Optional<Order> lockByNumber(String number) {
        return find("number = ?", number, true);
    }

    /** Operators' search, newest first; the payment state is derived from the status, the history and refunds. */
    OrderSummary.Page search(OrderQuery query) {
        var where = new StringBuilder(" WHERE 1 = 1");
        var params = new LinkedHashMap<String, Object>();
        if (query.market() != null) {
            where.append(" AND o.market = :market");
            params.put("market", query.market());
        }
        if (query.status() != null) {
            where.append(" AND o.status = :status");
            params.put("status", query.status().name());
        }
        if (query.placedFrom() != null) {
            where.append(" AND o.placed_at >= :from");
            params.put("from", Timestamp.from(query.placedFrom()));
        }
        if (query.placedUntil() != null) {
            where.append(" AND o.placed_at < :until");
            params.put("until", Timestamp.from(query.placedUntil()));
        }
        if (query.payment() != null) {
            where.append(" AND (").append(PAYMENT_STATE).append(") = :payment");
            params.put("payment", query.payment().name());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM shop_order o" + where).params(params).query(Long.class).single();
        var rows = jdbc.sql("SELECT o.number, o.market, o.status, o.return_status, o.currency, o.total, o.placed_at,"
                + " o.ship_to, o.carrier, o.tracking_number, o.channel, (" + PAYMENT_STATE + ") AS payment_state,"
                + " (SELECT COALESCE(SUM(l.quantity), 0) FROM shop_order_line l WHERE l.order_id = o.id) AS units"
                + " FROM shop_order o" + where + " ORDER BY o.placed_at DESC, o.number LIMIT :limit OFFSET :offset")
                .params(params).param("limit", query.size()).param("offset", (long) query.page() * query.size())
                .query((rs, row) -> {
                    var returnStatus = rs.getString("return_status");
                    var carrier = rs.getString("carrier");
                    return new OrderSummary(rs.getString("number"), rs.getString("market"),
                            OrderStatus.valueOf(rs.getString("status")),
                            returnStatus == null ? null : ReturnStatus.valueOf(returnStatus),
                            PaymentState.valueOf(rs.getString("payment_state")),
                            money(rs, "total", rs.getString("currency")), rs.getTimestamp("placed_at").toInstant(),
                            decrypt(rs.getString("ship_to")), rs.getInt("units"),
                            carrier == null ? null : new Shipment(carrier, rs.getString("tracking_number")),
                            rs.getString("channel"));
                }).list();
        return new OrderSummary.Page(rows, query.page(), query.size(), total);
    }

    /** Refunded money first, then unpaid, then paid at some point (a PAID step), else void. */
    private static final String PAYMENT_STATE = "CASE WHEN o.refunded > 0 THEN 'REFUNDED'"
            + " WHEN o.status = 'PLACED' THEN 'UNPAID'"
            + " WHEN EXISTS (SELECT 1 FROM shop_order_history h WHERE h.order_id = o.id AND h.status = 'PAID')"
            + " THEN 'PAID' ELSE 'VOID' END";

    List<String> unpaidPast(Instant now, int limit) {
        return jdbc.sql("SELECT number FROM shop_order WHERE status = 'PLACED' AND pay_by < ? LIMIT ?")
                .params(Timestamp.from(now), limit).query(String.class).list();
    }

    /** A member's latest orders' numbers, newest first. */
    /** The numbers of the guest orders placed with the address of this blind index, newest first. */
    List<String> guestNumbersOf(String emailIndex, int limit) {
        return jdbc.sql("""
                SELECT number FROM shop_order WHERE email_index = ? AND member_subject IS NULL
                ORDER BY placed_at DESC LIMIT ?""").params(emailIndex, limit).query(String.class).list();
    }

    /**
     * The blind index a guest order is found by in the back office: of the trimmed, lower-cased address (the same
     * as a customer's, so one search finds both); null without the PII key file.
     */
    @Nullable String emailIndex(String email) {
        return pii.available() ? pii.blindIndex(email.strip().toLowerCase(java.util.Locale.ROOT)) : null;
    }

    List<String> numbersOf(String memberSubject, int limit) {
        return jdbc.sql("SELECT number FROM shop_order WHERE member_subject = ? ORDER BY placed_at DESC LIMIT ?")
                .params(memberSubject, limit).query(String.class).list();
    }

    /** How many of the member's orders are not finished yet (not delivered, cancelled, or with a return open). */
    int openOf(String memberSubject) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM shop_order WHERE member_subject = ?
                  AND (status IN ('PLACED', 'PAID', 'PREPARING', 'SHIPPED')
                       OR return_status IN ('REQUESTED', 'APPROVED', 'RECEIVED')
                       OR exchange_status IN ('REQUESTED', 'APPROVED', 'RECEIVED'))""")
                .param(memberSubject).query(Integer.class).single();
    }

    /**
     * Removes the shopper from their orders (erasure, docs/security/account-deletion.md): the delivery address
     * becomes a placeholder and the market's country (what tax and accounting need), the email a placeholder, the
     * member link goes. Amounts, lines, dates and payment references stay.
     *
     * @return how many orders were anonymised
     */
    int anonymise(String memberSubject, Instant now) {
        var orders = jdbc.sql("SELECT id, market FROM shop_order WHERE member_subject = ? FOR UPDATE")
                .param(memberSubject)
                .query((rs, row) -> new Object[] {rs.getBytes("id"), rs.getString("market")})
                .list();
        for (var order : orders) {
            jdbc.sql("""
                    UPDATE shop_order SET ship_to = ?, email = ?, member_subject = NULL, email_index = NULL,
                      return_note = NULL, exchange_note = NULL, version = version + 1, updated_at = ?
                    WHERE id = ?""")
                    .params(encrypt(ERASED + "\n" + order[1]), encrypt(ERASED_EMAIL), Timestamp.from(now), order[0])
                    .update();
        }
        return orders.size();
    }

    static final String ERASED = "[erased]";
    static final String ERASED_EMAIL = "erased@invalid";

    private Optional<Order> find(String where, Object value, boolean lock) {
        var rows = jdbc.sql("SELECT * FROM shop_order WHERE " + where + (lock ? " FOR UPDATE" : ""))
                .param(value).query((rs, row) -> rs.getBytes("id")).list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        var id = rows.getFirst();
        var lines = jdbc.sql("""
                SELECT sku, name, unit_price, currency, quantity FROM shop_order_line WHERE order_id = ?
                ORDER BY position""").param(id).query((rs, row) -> new NewOrder.Line(rs.getString("sku"),
                rs.getString("name"), money(rs, "unit_price", rs.getString("currency")), rs.getInt("quantity")))
                .list();
        var history = jdbc.sql("SELECT status, at, actor FROM shop_order_history WHERE order_id = ? ORDER BY position")
                .param(id).query((rs, row) -> new OrderView.Step(rs.getString("status"),
                        rs.getTimestamp("at").toInstant(), rs.getString("actor"))).list();
        return jdbc.sql("SELECT * FROM shop_order WHERE id = ?").param(id).query((rs, row) -> {
            var currency = rs.getString("currency");
            var placed = new NewOrder(rs.getString("market"), rs.getString("language"),
                    rs.getString("member_subject"), decrypt(rs.getString("email")), decrypt(rs.getString("ship_to")),
                    rs.getString("shipping_method"), lines, money(rs, "subtotal", currency),
                    money(rs, "shipping", currency), money(rs, "tax", currency), rs.getBoolean("tax_included"),
                    money(rs, "total", currency), money(rs, "base_total", rs.getString("base_currency")),
                    rs.getBigDecimal("rate_to_base"), rs.getTimestamp("rate_as_of").toInstant(),
                    rs.getTimestamp("pay_by").toInstant(), zone(rs.getString("time_zone")),
                    money(rs, "discount", currency), rs.getString("coupon_code"));
            var returnStatus = rs.getString("return_status");
            var carrier = rs.getString("carrier");
            return new Order(uuid(rs.getBytes("id")), rs.getString("number"), placed,
                    rs.getString("access_token_hash"), rs.getTimestamp("placed_at").toInstant(),
                    rs.getLong("version"), OrderStatus.valueOf(rs.getString("status")),
                    returnStatus == null ? null : ReturnStatus.valueOf(returnStatus),
                    rs.getString("payment_provider"), rs.getString("payment_reference"),
                    money(rs, "refunded", currency), history,
                    carrier == null ? null : new Shipment(carrier, rs.getString("tracking_number")),
                    rs.getString("channel"), rs.getString("external_order_number"), exchange(rs),
                    grounds(rs, "return_reason", "return_note"));
        }).optional();
    }

    private String encrypt(String value) {
        return java.util.Objects.requireNonNull(pii.convertToDatabaseColumn(value));
    }

    private String decrypt(String stored) {
        return java.util.Objects.requireNonNull(pii.convertToEntityAttribute(stored));
    }

    /** A shopper's note may say who they are: it is kept encrypted like the address. */
    private @Nullable String encryptNote(@Nullable String note) {
        return note == null ? null : encrypt(note);
    }

    private dev.onshore.was.orders.@Nullable ClaimGrounds grounds(ResultSet rs, String reasonColumn,
            String noteColumn) throws SQLException {
        var reason = rs.getString(reasonColumn);
        if (reason == null) {
            return null;
        }
        var note = rs.getString(noteColumn);
        return new dev.onshore.was.orders.ClaimGrounds(dev.onshore.was.orders.ClaimReason.valueOf(reason),
                note == null ? null : decrypt(note));
    }

    private dev.onshore.was.orders.@Nullable OrderExchange exchange(ResultSet rs) throws SQLException {
        var status = rs.getString("exchange_status");
        if (status == null) {
            return null;
        }
        var carrier = rs.getString("exchange_carrier");
        return new dev.onshore.was.orders.OrderExchange(dev.onshore.was.orders.ExchangeStatus.valueOf(status),
                rs.getString("exchange_sku"), rs.getString("exchange_replacement_sku"),
                rs.getInt("exchange_quantity"),
                carrier == null ? null : new Shipment(carrier, rs.getString("exchange_tracking_number")),
                grounds(rs, "exchange_reason", "exchange_note"));
    }

    private static java.time.@Nullable ZoneId zone(@Nullable String id) {
        return id == null ? null : java.time.ZoneId.of(id);
    }

    private static Money money(ResultSet rs, String column, String currency) throws SQLException {
        return Money.of(rs.getBigDecimal(column), Currency.getInstance(currency));
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }

    private static UUID uuid(byte[] bytes) {
        var buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
