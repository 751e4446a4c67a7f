package dev.onshore.was.inventory.internal;

import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.Sku;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: {@value #UNITS} units of every demo product and variant that has no stock row yet (after the
 * demo catalog is loaded; a restart keeps the counts the demo left).
 */
@Component
@Profile("demo")
class DemoStock {

    static final int UNITS = 500;
    private static final Logger log = LoggerFactory.getLogger(DemoStock.class);
    private static final List<String> MARKETS = List.of("KR", "US", "ID", "MY", "SG", "CN", "JP", "TH");

    private final ProductCatalog catalog;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoStock(ProductCatalog catalog, JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void stockTheShelves() {
        var skus = new LinkedHashSet<String>();
        for (var product : catalog.listForOperators("en")) {
            skus.add(product.sku());
            for (var market : MARKETS) {
                var detail = catalog.findForShopper(new Sku(product.sku()), market, "en").orElse(null);
                if (detail != null) {
                    detail.variants().forEach(variant -> skus.add(variant.sku()));
                    break;
                }
            }
        }
        var now = Timestamp.from(clock.instant());
        int added = 0;
        for (var sku : skus) {
            added += jdbc.sql("INSERT IGNORE INTO stock (sku, available, updated_at) VALUES (?, ?, ?)")
                    .params(sku, UNITS, now).update();
        }
        log.info("Demo stock: {} SKUs stocked with {} units", added, UNITS);
    }
}
