package dev.onshore.was.orders;

import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * An order left the warehouse with a carrier. Externalized to {@code onshore.orders.order-shipped}, keyed by number.
 *
 * @param trackingNumber the carrier's tracking number, as the carrier writes it
 */
@Externalized("onshore.orders.order-shipped::#{orderNumber()}")
public record OrderShipped(UUID eventId, String orderNumber, String carrier, String trackingNumber,
        Instant shippedAt) {
}
