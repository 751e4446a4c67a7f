package dev.onshore.was.catalog.internal;

import dev.onshore.was.catalog.ProductStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One step of a product's life cycle, kept for the audit: who moved it from where to where, when, and why.
 *
 * @param operator null when the step was not an operator's verb (an edit withdrew an approval)
 * @param note a rejection's reason or why the system took the step; null otherwise
 */
@Embeddable
record LifecycleStep(@Enumerated(EnumType.STRING) @Column(name = "from_status", nullable = false, length = 20) ProductStatus from,
        @Enumerated(EnumType.STRING) @Column(name = "to_status", nullable = false, length = 20) ProductStatus to,
        @Column(length = 80) @Nullable String operator,
        @Column(length = 500) @Nullable String note,
        @Column(name = "occurred_at", nullable = false) Instant occurredAt) {
}
