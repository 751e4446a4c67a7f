package dev.onshore.was.catalog;

import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * Something shoppers see of a product changed (texts, offers, regulatory data, category). This node's search index
 * follows it in-process; it is also externalized (topic {@code onshore.catalog.product-changed}, keyed by SKU) so
 * that every other WAS node refreshes its own index.
 */
@Externalized("onshore.catalog.product-changed::#{sku()}")
public record ProductChanged(UUID eventId, String sku, Instant occurredAt) {

    public static ProductChanged of(Sku sku, Instant occurredAt) {
        return new ProductChanged(UUID.randomUUID(), sku.value(), occurredAt);
    }
}
