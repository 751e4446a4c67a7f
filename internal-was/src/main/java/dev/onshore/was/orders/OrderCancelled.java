package dev.onshore.was.orders;

import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * An order was cancelled; its units go back to stock. Published once per order. Externalized to
 * {@code onshore.orders.order-cancelled}.
 *
 * @param reason {@code shopper}, {@code operator}, {@code payment-failed}, {@code payment-expired}, …
 * @param refundDue true when the order had been paid and is refunded
 */
@Externalized("onshore.orders.order-cancelled::#{orderNumber()}")
public record OrderCancelled(UUID eventId, String orderNumber, String reason, boolean refundDue,
        Instant occurredAt) {
}
