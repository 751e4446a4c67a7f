package dev.onshore.was.catalog;

import java.time.Instant;
import java.util.UUID;

/** An operator approved a product for publication (four eyes: not the one who submitted it). In-process only. */
public record ProductApproved(UUID eventId, String sku, String operator, Instant occurredAt) {

    public static ProductApproved of(Sku sku, Operator operator, Instant occurredAt) {
        return new ProductApproved(UUID.randomUUID(), sku.value(), operator.name(), occurredAt);
    }
}
