package dev.onshore.was.orders;

import java.time.Instant;
import java.util.UUID;

/** The replacement of an exchange left with its own carrier and tracking number. Published once per claim. */
public record ExchangeShipped(UUID eventId, String orderNumber, String carrier, String trackingNumber,
        Instant occurredAt) {
}
