package dev.onshore.was.orders;

import java.time.Instant;
import java.util.UUID;

/**
 * A return of a delivered order was asked for, by its shopper or recorded by an operator. Published once per claim;
 * the grounds (reason and note) are read from the order, so that no shopper's words travel in the event.
 */
public record ReturnRequested(UUID eventId, String orderNumber, Instant occurredAt) {
}
