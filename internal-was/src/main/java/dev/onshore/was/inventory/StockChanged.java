package dev.onshore.was.inventory;

import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * The units available of a SKU changed (a reservation, a release, a count). Externalized (topic
 * {@code onshore.inventory.stock-changed}, keyed by SKU) for caches and pages on every node; consumers deduplicate
 * on {@code eventId} and keep the latest {@code occurredAt}.
 */
@Externalized("onshore.inventory.stock-changed::#{sku()}")
public record StockChanged(UUID eventId, String sku, int available, Instant occurredAt) {

    public static StockChanged of(String sku, int available, Instant occurredAt) {
        return new StockChanged(UUID.randomUUID(), sku, available, occurredAt);
    }
}
