package dev.onshore.was.catalog;

import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * A product became visible to shoppers. Externalized to Kafka (topic {@code onshore.catalog.product-published},
 * keyed by SKU) through the event publication registry, so it is sent at least once after the transaction commits.
 *
 * @param eventId unique per occurrence: consumers deduplicate on it
 */
@Externalized("onshore.catalog.product-published::#{sku()}")
public record ProductPublished(UUID eventId, String sku, Instant occurredAt) {

    public static ProductPublished of(Sku sku, Instant occurredAt) {
        return new ProductPublished(UUID.randomUUID(), sku.value(), occurredAt);
    }
}
