package dev.onshore.was.orders;

import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/** An order's payment was captured; published once per order. Externalized to {@code onshore.orders.order-paid}. */
@Externalized("onshore.orders.order-paid::#{orderNumber()}")
public record OrderPaid(UUID eventId, String orderNumber, Instant occurredAt) {
}
