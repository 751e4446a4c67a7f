package dev.onshore.was.orders;

import java.time.Instant;
import java.util.UUID;

/** An operator approved an order's return: the shopper may send the goods back. Published once per claim. */
public record ReturnApproved(UUID eventId, String orderNumber, Instant occurredAt) {
}
