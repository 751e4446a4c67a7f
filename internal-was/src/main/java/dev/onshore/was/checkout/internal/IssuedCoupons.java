package dev.onshore.was.checkout.internal;

import dev.onshore.was.checkout.CouponView;
import dev.onshore.was.checkout.NewCoupon;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Coupons and their redemptions in MariaDB. A redemption takes the customer's next slot
 * ({@code (code, customer, slot)} is the primary key, slots count from 1 up to the limit): two checkouts of one
 * customer racing for the same slot cannot both commit, so a per-customer limit holds under any concurrency.
 */
@Repository
class IssuedCoupons {

    private final JdbcClient jdbc;

    IssuedCoupons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the code was issued before. */
    boolean add(NewCoupon coupon, String operator, Instant now) {
        try {
            jdbc.sql("""
                    INSERT INTO coupon (code, market, kind, amount, minimum_order, per_customer_limit, valid_from,
                      valid_until, disabled_at, created_by, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)""")
                    .params(coupon.code(), coupon.market(), coupon.kind().name(), coupon.value(),
                            coupon.minimumOrder(), coupon.perCustomerLimit(), coupon.validFrom(), coupon.validUntil(),
                            operator, Timestamp.from(now))
                    .update();
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    Optional<Coupon> find(String code) {
        return jdbc.sql("SELECT * FROM coupon WHERE code = ?").param(code).query((rs, row) -> coupon(rs)).optional();
    }

    Optional<CouponView> view(String code) {
        return jdbc.sql(VIEW + " WHERE c.code = ?").param(code).query((rs, row) -> view(rs)).optional();
    }

    List<CouponView> all() {
        return jdbc.sql(VIEW + " ORDER BY c.created_at DESC, c.code").query((rs, row) -> view(rs)).list();
    }

    /** False when it was disabled before (or is unknown). */
    boolean disable(String code, Instant now) {
        return jdbc.sql("UPDATE coupon SET disabled_at = ? WHERE code = ? AND disabled_at IS NULL")
                .params(Timestamp.from(now), code).update() == 1;
    }

    int usedBy(String code, String customer) {
        return jdbc.sql("SELECT COUNT(*) FROM coupon_redemption WHERE code = ? AND customer_key = ?")
                .params(code, customer).query(Integer.class).single();
    }

    /**
     * Records the redemption in the caller's transaction, in the customer's next slot.
     *
     * @return false when another checkout of this customer took that slot first (the limit may be reached)
     */
    boolean redeem(String code, String customer, int usedBefore, String orderNumber, Instant now) {
        try {
            jdbc.sql("""
                    INSERT INTO coupon_redemption (code, customer_key, slot, order_number, redeemed_at)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(code, customer, usedBefore + 1, orderNumber, Timestamp.from(now)).update();
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    /**
     * Gives back the redemption of a cancelled order: it counts no more against the coupon's use or the customer's
     * limit. The customer's later redemptions move down one slot each, so the next redemption takes the slot after
     * the remaining ones (slots stay 1 .. n without a gap). In the caller's transaction; the rows of the customer
     * are locked first, so a checkout racing for the next slot waits.
     *
     * @return false when the order redeemed no coupon or it was given back before (an event delivered twice)
     */
    boolean giveBack(String orderNumber) {
        var redemption = jdbc.sql("""
                SELECT code, customer_key, slot FROM coupon_redemption WHERE order_number = ? FOR UPDATE""")
                .param(orderNumber)
                .query((rs, row) -> new Redeemed(rs.getString("code"), rs.getString("customer_key"), rs.getInt("slot")))
                .optional();
        if (redemption.isEmpty()) {
            return false;
        }
        var taken = redemption.get();
        jdbc.sql("SELECT slot FROM coupon_redemption WHERE code = ? AND customer_key = ? FOR UPDATE")
                .params(taken.code(), taken.customer()).query(Integer.class).list();
        jdbc.sql("DELETE FROM coupon_redemption WHERE order_number = ?").param(orderNumber).update();
        jdbc.sql("""
                UPDATE coupon_redemption SET slot = slot - 1 WHERE code = ? AND customer_key = ? AND slot > ?
                ORDER BY slot""").params(taken.code(), taken.customer(), taken.slot()).update();
        return true;
    }

    private record Redeemed(String code, String customer, int slot) {
    }

    private static final String VIEW = """
            SELECT c.*, (SELECT COUNT(*) FROM coupon_redemption r WHERE r.code = c.code) AS redemptions
            FROM coupon c""";

    private static Coupon coupon(ResultSet rs) throws SQLException {
        return new Coupon(rs.getString("code"), rs.getString("market"), NewCoupon.Kind.valueOf(rs.getString("kind")),
                rs.getBigDecimal("amount").stripTrailingZeros(), decimal(rs, "minimum_order"),
                rs.getInt("per_customer_limit"), local(rs, "valid_from"), local(rs, "valid_until"),
                instant(rs, "disabled_at"));
    }

    private static CouponView view(ResultSet rs) throws SQLException {
        var coupon = coupon(rs);
        return new CouponView(coupon.code(), coupon.market(), coupon.kind(), coupon.value(), coupon.minimumOrder(),
                coupon.perCustomerLimit(), coupon.validFrom(), coupon.validUntil(), coupon.disabledAt(),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getInt("redemptions"), "", null);
    }

    private static java.math.@Nullable BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        var value = rs.getBigDecimal(column);
        return value == null ? null : value.stripTrailingZeros();
    }

    private static @Nullable LocalDateTime local(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
