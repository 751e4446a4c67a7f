package dev.onshore.was.orders;

import java.time.Instant;
import java.util.UUID;

/**
 * An exchange of a delivered order's line was asked for, by its shopper or recorded by an operator. Published once
 * per claim; what is exchanged and why are read from the order ({@link OrderView#exchange()}).
 */
public record ExchangeRequested(UUID eventId, String orderNumber, Instant occurredAt) {
}
