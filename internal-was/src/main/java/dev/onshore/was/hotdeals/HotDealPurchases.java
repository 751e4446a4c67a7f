package dev.onshore.was.hotdeals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Buying from a hot deal. MariaDB decides everything with conditional updates inside the order's transaction: the
 * deal's units ({@code units_left >= ?} within the window), the customer's units ({@code units + ? <= limit}), so
 * neither parallel buyers nor one buyer's parallel requests can pass a bound; a refusal rolls the order back.
 */
@Service
public class HotDealPurchases {

    private static final Logger log = LoggerFactory.getLogger(HotDealPurchases.class);

    private final HotDeals deals;
    private final JdbcClient jdbc;
    private final Clock clock;

    HotDealPurchases(HotDeals deals, JdbcClient jdbc, Clock clock) {
        this.deals = deals;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The deal's offer, whether or not it is open now (the claim decides that).
     *
     * @throws UnknownHotDealException when there is no such deal
     */
    @Transactional(readOnly = true)
    public HotDealOffer offer(UUID dealId) {
        var deal = deals.findById(dealId).orElseThrow(() -> new UnknownHotDealException(dealId));
        var view = deal.view();
        return new HotDealOffer(view.id(), view.sku(), view.price(), view.currency(), view.perCustomerLimit());
    }

    /**
     * Who a buyer is for the per-customer limit: the member's subject, else the e-mail address (kept hashed).
     */
    public static String customer(@Nullable String memberSubject, String email) {
        if (memberSubject != null && !memberSubject.isBlank()) {
            return "member:" + memberSubject;
        }
        return "email:" + sha256(email.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Claims {@code quantity} units of the deal for the order, in the caller's transaction (mandatory: the claim
     * must roll back with the order).
     *
     * @throws HotDealRefusedException when sold out, over the customer's limit or outside the window
     * @throws UnknownHotDealException when there is no such deal
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void claim(UUID dealId, String customer, String orderNumber, int quantity) {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        var now = clock.instant();
        var deal = deals.findById(dealId).orElseThrow(() -> new UnknownHotDealException(dealId)).view();
        if (quantity > deal.perCustomerLimit()) {
            throw new HotDealRefusedException(dealId, HotDealRefusedException.OVER_LIMIT, deal.perCustomerLimit());
        }
        // The deal's row lock, taken first, also queues one customer's parallel claims behind each other.
        var taken = jdbc.sql("""
                UPDATE hot_deal SET units_left = units_left - :quantity, version = version + 1
                WHERE id = :id AND status = 'SCHEDULED' AND starts_at <= :now AND ends_at > :now
                  AND units_left >= :quantity""")
                .param("quantity", quantity).param("id", dealId.toString()).param("now", Timestamp.from(now)).update();
        if (taken != 1) {
            var open = "SCHEDULED".equals(deal.status()) && !now.isBefore(deal.startsAt())
                    && now.isBefore(deal.endsAt());
            throw new HotDealRefusedException(dealId, open ? HotDealRefusedException.SOLD_OUT
                    : HotDealRefusedException.NOT_OPEN, deal.perCustomerLimit());
        }
        jdbc.sql("""
                INSERT IGNORE INTO hot_deal_customer (deal_id, customer, units, limit_units)
                VALUES (:id, :customer, 0, :limit)""")
                .param("id", dealId.toString()).param("customer", customer).param("limit", deal.perCustomerLimit()).update();
        var withinLimit = jdbc.sql("""
                UPDATE hot_deal_customer SET units = units + :quantity
                WHERE deal_id = :id AND customer = :customer AND units + :quantity <= limit_units""")
                .param("quantity", quantity).param("id", dealId.toString()).param("customer", customer).update();
        if (withinLimit != 1) {
            throw new HotDealRefusedException(dealId, HotDealRefusedException.OVER_LIMIT, deal.perCustomerLimit());
        }
        jdbc.sql("""
                INSERT INTO hot_deal_order (order_number, deal_id, customer, units, claimed_at)
                VALUES (:number, :id, :customer, :quantity, :now)""")
                .param("number", orderNumber).param("id", dealId.toString()).param("customer", customer)
                .param("quantity", quantity).param("now", Timestamp.from(now)).update();
    }

    /**
     * Gives an order's deal units back to the deal and to its customer's allowance, at most once; false when the
     * order claimed none or they are back already.
     */
    @Transactional
    public boolean release(String orderNumber) {
        var claim = jdbc.sql("SELECT deal_id, customer, units FROM hot_deal_order WHERE order_number = :number"
                + " FOR UPDATE").param("number", orderNumber)
                .query((rs, row) -> new Claim(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getInt(3)))
                .optional().orElse(null);
        if (claim == null) {
            return false;
        }
        var released = jdbc.sql("""
                UPDATE hot_deal_order SET released_at = :now WHERE order_number = :number AND released_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("number", orderNumber).update();
        if (released != 1) {
            return false;
        }
        jdbc.sql("UPDATE hot_deal SET units_left = units_left + :units, version = version + 1 WHERE id = :id")
                .param("units", claim.units()).param("id", claim.dealId().toString()).update();
        jdbc.sql("""
                UPDATE hot_deal_customer SET units = units - :units WHERE deal_id = :id AND customer = :customer""")
                .param("units", claim.units()).param("id", claim.dealId().toString()).param("customer", claim.customer())
                .update();
        log.info("Order {} gave {} unit(s) back to hot deal {}", orderNumber, claim.units(), claim.dealId());
        return true;
    }

    private record Claim(UUID dealId, String customer, int units) {
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
