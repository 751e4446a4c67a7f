package dev.onshore.was.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One sign-in attempt to the admin.
 *
 * @param address the operator's browser address as the admin app saw it; null when unknown
 * @param reason why it failed (the OAuth2 error code), null when it succeeded
 */
public record OperatorLogin(long id, Instant occurredAt, String username, boolean succeeded, @Nullable String address,
        @Nullable String reason) {
}
