package dev.onshore.was.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.was.ShopTestSupport;
import dev.onshore.was.TestClock;
import dev.onshore.was.inventory.Stock;
import dev.onshore.was.inventory.StockChanged;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** A count of stock is stamped and announced at the application's time. */
@Import(TestClock.Configuration.class)
@RecordApplicationEvents
class StockTimesIntegrationTests extends ShopTestSupport {

    private static final String SKU = "HS-PROPOLIS-CAPS";

    @Autowired
    Stock stock;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStockCountIsStampedAndAnnouncedAtTheApplicationsTime(ApplicationEvents events) {
        var counted = Instant.now().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.SECONDS);
        clock.set(counted);
        try {
            stock.set(SKU, stock.available(SKU));
            assertThat(events.stream(StockChanged.class)).filteredOn(event -> event.sku().equals(SKU))
                    .extracting(StockChanged::occurredAt).containsExactly(counted);
            assertThat(jdbc.sql("SELECT updated_at FROM stock WHERE sku = ?").param(SKU)
                    .query((rs, row) -> rs.getTimestamp(1).toInstant()).single()).isEqualTo(counted);
        } finally {
            clock.set(Instant.now());
        }
    }
}
