package dev.onshore.was.orders.internal;

import dev.onshore.was.orders.SalesStatistics;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sums over {@code shop_order} and {@code shop_order_line} in MariaDB: no order is loaded. Days are cut with the
 * epoch seconds of {@code placed_at} plus the offset, so the session's time zone never moves an order to another day.
 */
@Service
@Transactional(readOnly = true)
class JdbcSalesStatistics implements SalesStatistics {

    /** Paid and not cancelled: the statuses an order reaches only after its payment was captured. */
    private static final String PAID = "o.status IN ('PAID', 'PREPARING', 'SHIPPED', 'DELIVERED', 'CONFIRMED')";

    private static final String ORDER_SUMS = """
            COUNT(*) AS orders, COALESCE(SUM(%1$s), 0) AS paid,
            COALESCE(SUM(CASE WHEN %1$s THEN o.total END), 0) AS revenue,
            COALESCE(SUM(CASE WHEN %1$s THEN o.base_total END), 0) AS revenue_in_base""".formatted(PAID);

    private final JdbcClient jdbc;

    JdbcSalesStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Figure> byDay(Instant from, Instant to, ZoneOffset offset) {
        return jdbc.sql("""
                SELECT DATE(DATE_ADD('1970-01-01', INTERVAL FLOOR(UNIX_TIMESTAMP(o.placed_at)) + :offset SECOND))
                         AS k, NULL AS label, o.currency, o.base_currency, 0 AS units, %s
                FROM shop_order o WHERE o.placed_at >= :from AND o.placed_at < :to
                GROUP BY k, o.currency, o.base_currency ORDER BY k, o.currency""".formatted(ORDER_SUMS))
                .param("offset", offset.getTotalSeconds()).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to)).query(JdbcSalesStatistics::figure).list();
    }

    @Override
    public List<Figure> byMarket(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT o.market AS k, NULL AS label, o.currency, o.base_currency, 0 AS units, %s
                FROM shop_order o WHERE o.placed_at >= :from AND o.placed_at < :to
                GROUP BY o.market, o.currency, o.base_currency ORDER BY o.market, o.currency""".formatted(ORDER_SUMS))
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(JdbcSalesStatistics::figure).list();
    }

    @Override
    public List<Figure> byCurrency(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT o.currency AS k, NULL AS label, o.currency, o.base_currency, 0 AS units, %s
                FROM shop_order o WHERE o.placed_at >= :from AND o.placed_at < :to
                GROUP BY o.currency, o.base_currency ORDER BY o.currency""".formatted(ORDER_SUMS))
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(JdbcSalesStatistics::figure).list();
    }

    @Override
    public List<Figure> byProduct(Instant from, Instant to) {
        // Lines carry the unit price in the charge currency; the order's recorded rate converts them.
        return jdbc.sql("""
                SELECT l.sku AS k, MAX(l.name) AS label, o.currency, o.base_currency,
                       COUNT(DISTINCT o.id) AS orders, COUNT(DISTINCT o.id) AS paid, SUM(l.quantity) AS units,
                       SUM(l.unit_price * l.quantity) AS revenue,
                       ROUND(SUM(l.unit_price * l.quantity * o.rate_to_base), 4) AS revenue_in_base
                FROM shop_order o JOIN shop_order_line l ON l.order_id = o.id
                WHERE o.placed_at >= :from AND o.placed_at < :to AND %s
                GROUP BY l.sku, o.currency, o.base_currency ORDER BY revenue_in_base DESC, l.sku, o.currency"""
                .formatted(PAID))
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(JdbcSalesStatistics::figure).list();
    }

    @Override
    public List<RatesUsed> ratesUsed(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT o.currency, o.base_currency, COUNT(*) AS paid, MIN(o.rate_to_base) AS lowest,
                       MAX(o.rate_to_base) AS highest, MIN(o.rate_as_of) AS first_as_of, MAX(o.rate_as_of) AS last_as_of
                FROM shop_order o WHERE o.placed_at >= :from AND o.placed_at < :to AND %s
                GROUP BY o.currency, o.base_currency ORDER BY o.currency""".formatted(PAID))
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, row) -> new RatesUsed(rs.getString("currency"), rs.getString("base_currency"),
                        rs.getLong("paid"), rs.getBigDecimal("lowest").stripTrailingZeros(),
                        rs.getBigDecimal("highest").stripTrailingZeros(), rs.getTimestamp("first_as_of").toInstant(),
                        rs.getTimestamp("last_as_of").toInstant()))
                .list();
    }

    private static Figure figure(ResultSet rs, int row) throws SQLException {
        var key = rs.getString("k");
        var label = rs.getString("label");
        return new Figure(key, label == null ? key : label, rs.getString("currency"), rs.getLong("orders"),
                rs.getLong("paid"), rs.getLong("units"), rs.getBigDecimal("revenue"), rs.getString("base_currency"),
                rs.getBigDecimal("revenue_in_base"));
    }
}
