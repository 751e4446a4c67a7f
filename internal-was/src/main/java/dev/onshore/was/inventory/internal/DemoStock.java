package dev.onshore.was.inventory.internal;

import dev.onshore.was.catalog.ProductCatalog;
import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only: {@value #UNITS} units of every product and variant of the catalog that has no stock row yet
 * (after the demo catalog is loaded; a restart keeps the counts the demo left).
 */
@Component
@Profile("demo")
class DemoStock {

    static final int UNITS = 500;
    private static final Logger log = LoggerFactory.getLogger(DemoStock.class);

    private final ProductCatalog catalog;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoStock(ProductCatalog catalog, JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    /**
     * One transaction over the catalog's SKUs as one list (a context of the integration tests starts beside a thousand
     * imported products: asking for each product's variants market by market took 40-180 s a start on a busy machine).
     */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    void stockTheShelves() {
        var now = Timestamp.from(clock.instant());
        int added = 0;
        for (var sku : catalog.stockKeepingUnits()) {
            added += jdbc.sql("INSERT IGNORE INTO stock (sku, available, updated_at) VALUES (?, ?, ?)")
                    .params(sku, UNITS, now).update();
        }
        log.info("Demo stock: {} SKUs stocked with {} units", added, UNITS);
    }
}
