package dev.onshore.was.orders;

import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * An order left the warehouse with a carrier; the shopper is told how to track it. Published once per order.
 * Externalized to {@code onshore.orders.order-shipped}.
 */
@Externalized("onshore.orders.order-shipped::#{orderNumber()}")
public record OrderShipped(UUID eventId, String orderNumber, String carrier, String trackingNumber,
        Instant occurredAt) {
}
