package dev.onshore.was.catalog;

import java.time.Instant;
import java.util.UUID;

/** An operator submitted a product for approval by another operator. In-process only. */
public record ProductSubmitted(UUID eventId, String sku, String operator, Instant occurredAt) {

    public static ProductSubmitted of(Sku sku, Operator operator, Instant occurredAt) {
        return new ProductSubmitted(UUID.randomUUID(), sku.value(), operator.name(), occurredAt);
    }
}
