package dev.onshore.was.hotdeals;

import java.time.Instant;
import java.util.UUID;

/** An operator scheduled a hot deal. */
public record HotDealScheduled(UUID dealId, String sku, int units, Instant startsAt, Instant endsAt, String by) {
}
