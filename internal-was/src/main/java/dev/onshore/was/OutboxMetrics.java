package dev.onshore.was;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox's health for the {@code OutboxBacklog} alert: events published in a committed transaction whose
 * listeners (Kafka externalization included) have not completed yet, and how old the oldest of them is. Read from
 * Spring Modulith's event publication registry on each scrape; NaN while the database cannot be read.
 */
@Component
class OutboxMetrics {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    OutboxMetrics(JdbcTemplate jdbc, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("onshore.outbox.incomplete.events", this, OutboxMetrics::incomplete)
                .description("Event publications not completed yet").register(meters);
        Gauge.builder("onshore.outbox.oldest.incomplete.age", this, OutboxMetrics::oldestAgeSeconds)
                .baseUnit("seconds").description("Age of the oldest event publication not completed yet")
                .register(meters);
    }

    private double incomplete() {
        try {
            var count = jdbc.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE completion_date IS NULL",
                    Long.class);
            return count == null ? 0 : count;
        } catch (RuntimeException unreadable) {
            return Double.NaN;
        }
    }

    private double oldestAgeSeconds() {
        try {
            var oldest = jdbc.queryForObject(
                    "SELECT MIN(publication_date) FROM EVENT_PUBLICATION WHERE completion_date IS NULL",
                    Timestamp.class);
            return oldest == null ? 0 : Duration.between(oldest.toInstant(), clock.instant()).toMillis() / 1000.0;
        } catch (RuntimeException unreadable) {
            return Double.NaN;
        }
    }
}
