package dev.onshore.was.inventory.internal;

import dev.onshore.was.inventory.StockAlerts;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcStockAlerts implements StockAlerts {

    private final JdbcClient jdbc;

    JdbcStockAlerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<LowStock> atMost(int threshold, int limit) {
        return jdbc.sql("SELECT sku, available FROM stock WHERE available <= :threshold ORDER BY available, sku LIMIT :limit")
                .param("threshold", threshold).param("limit", limit)
                .query((rs, row) -> new LowStock(rs.getString("sku"), rs.getInt("available"))).list();
    }
}
