package dev.onshore.was.catalog;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One step in a product's life-cycle log.
 *
 * @param operator null when no operator's verb caused it (an edit withdrew a submission or approval)
 * @param note a rejection's reason, or why the system took the step; null otherwise
 */
public record LifecycleEntry(ProductStatus from, ProductStatus to, @Nullable String operator, @Nullable String note,
        Instant occurredAt) {
}
