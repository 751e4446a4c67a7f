package dev.onshore.was.audit;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One recorded change, as the audit log shows it.
 *
 * @param address where the operator acted from; null when unknown
 * @param before JSON, null when there was nothing before
 * @param after JSON, null when nothing is left
 */
public record AuditEntry(long id, Instant occurredAt, String actor, List<String> actorRoles, @Nullable String address,
        String action, String target, @Nullable String before, @Nullable String after) {
}
