package dev.onshore.was.orders.internal;

import dev.onshore.was.orders.SalesFigures;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sums over {@code shop_order}; paid means paid and on its way or done, never cancelled. */
@Service
class JdbcSalesFigures implements SalesFigures {

    private final JdbcClient jdbc;

    JdbcSalesFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Sales> between(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT market, currency, base_currency, COUNT(*) AS orders,
                       SUM(status IN ('PAID', 'PREPARING', 'SHIPPED', 'DELIVERED', 'CONFIRMED')) AS paid,
                       COALESCE(SUM(CASE WHEN status IN ('PAID', 'PREPARING', 'SHIPPED', 'DELIVERED', 'CONFIRMED')
                                         THEN total END), 0) AS revenue,
                       COALESCE(SUM(CASE WHEN status IN ('PAID', 'PREPARING', 'SHIPPED', 'DELIVERED', 'CONFIRMED')
                                         THEN base_total END), 0) AS revenue_in_base
                FROM shop_order WHERE placed_at >= :from AND placed_at < :to
                GROUP BY market, currency, base_currency ORDER BY market, currency""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, row) -> new Sales(rs.getString("market"), rs.getString("currency"), rs.getLong("orders"),
                        rs.getLong("paid"), rs.getBigDecimal("revenue"), rs.getString("base_currency"),
                        rs.getBigDecimal("revenue_in_base")))
                .list();
    }
}
