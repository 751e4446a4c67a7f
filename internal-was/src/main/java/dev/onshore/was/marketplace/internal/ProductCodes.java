package dev.onshore.was.marketplace.internal;

import dev.onshore.was.marketplace.MarketplaceOrders.ProductCode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The channels' product codes mapped to our SKUs, in MariaDB. */
@Repository
class ProductCodes {

    private final JdbcClient jdbc;

    ProductCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A channel's codes and their SKUs. */
    Map<String, String> skus(String channel) {
        return jdbc.sql("SELECT external_code, sku FROM marketplace_product_code WHERE channel = ?").param(channel)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    List<ProductCode> all() {
        return jdbc.sql("SELECT * FROM marketplace_product_code ORDER BY channel, external_code")
                .query((rs, row) -> new ProductCode(rs.getString("channel"), rs.getString("external_code"),
                        rs.getString("sku"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
                .list();
    }

    Optional<ProductCode> find(String channel, String externalCode) {
        return jdbc.sql("SELECT * FROM marketplace_product_code WHERE channel = ? AND external_code = ?")
                .params(channel, externalCode)
                .query((rs, row) -> new ProductCode(rs.getString("channel"), rs.getString("external_code"),
                        rs.getString("sku"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
                .optional();
    }

    ProductCode put(String channel, String externalCode, String sku, String by, Instant now) {
        jdbc.sql("""
                INSERT INTO marketplace_product_code (channel, external_code, sku, updated_at, updated_by)
                VALUES (:channel, :code, :sku, :now, :by)
                ON DUPLICATE KEY UPDATE sku = :sku, updated_at = :now, updated_by = :by""")
                .param("channel", channel).param("code", externalCode).param("sku", sku)
                .param("now", Timestamp.from(now)).param("by", by).update();
        return new ProductCode(channel, externalCode, sku, now, by);
    }

    void remove(String channel, String externalCode) {
        jdbc.sql("DELETE FROM marketplace_product_code WHERE channel = ? AND external_code = ?")
                .params(channel, externalCode).update();
    }
}
