package dev.onshore.was.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * Something shoppers see of a product changed (texts, offers, regulatory data, category). In-process only: the
 * search index and caches follow it; publication changes have their own externalized events.
 */
public record ProductChanged(UUID eventId, String sku, Instant occurredAt) {

    public static ProductChanged of(Sku sku) {
        return new ProductChanged(UUID.randomUUID(), sku.value(), Instant.now());
    }
}
