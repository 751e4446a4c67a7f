package dev.onshore.was.catalog;

import java.time.Instant;
import java.util.UUID;

/** An operator sent a product pending approval back to draft, with a reason. In-process only. */
public record ProductRejected(UUID eventId, String sku, String operator, String reason, Instant occurredAt) {

    public static ProductRejected of(Sku sku, Operator operator, String reason, Instant occurredAt) {
        return new ProductRejected(UUID.randomUUID(), sku.value(), operator.name(), reason, occurredAt);
    }
}
