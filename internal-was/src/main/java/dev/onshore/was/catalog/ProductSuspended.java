package dev.onshore.was.catalog;

import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/** A product was taken off sale. Externalized like {@link ProductPublished}. */
@Externalized("onshore.catalog.product-suspended::#{sku()}")
public record ProductSuspended(UUID eventId, String sku, Instant occurredAt) {

    public static ProductSuspended of(Sku sku, Instant occurredAt) {
        return new ProductSuspended(UUID.randomUUID(), sku.value(), occurredAt);
    }
}
