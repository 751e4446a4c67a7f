package dev.onshore.was.orders;

import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/** An order reached its shopper. Published once per order. Externalized to {@code onshore.orders.order-delivered}. */
@Externalized("onshore.orders.order-delivered::#{orderNumber()}")
public record OrderDelivered(UUID eventId, String orderNumber, Instant occurredAt) {
}
