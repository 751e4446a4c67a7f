package dev.onshore.was.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/** An order was placed (not yet paid). Externalized to {@code onshore.orders.order-placed}, keyed by number. */
@Externalized("onshore.orders.order-placed::#{orderNumber()}")
public record OrderPlaced(UUID eventId, String orderNumber, String market, BigDecimal total, String currency,
        int lines, Instant occurredAt) {
}
