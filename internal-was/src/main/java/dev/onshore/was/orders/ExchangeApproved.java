package dev.onshore.was.orders;

import java.time.Instant;
import java.util.UUID;

/**
 * An operator approved an order's exchange (the replacement's units are taken): the shopper may send the line back.
 * Published once per claim.
 */
public record ExchangeApproved(UUID eventId, String orderNumber, Instant occurredAt) {
}
