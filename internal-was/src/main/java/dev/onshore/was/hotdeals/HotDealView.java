package dev.onshore.was.hotdeals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A hot deal as operators see it: the window both as UTC instants and in the operator's zone.
 */
public record HotDealView(UUID id, String sku, int units, int unitsLeft, BigDecimal price, String currency,
        int perCustomerLimit, Instant startsAt, Instant endsAt, String zone, LocalDateTime localStartsAt,
        LocalDateTime localEndsAt, int admissionsPerMinute, String status, String scheduledBy) {
}
