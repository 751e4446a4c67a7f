package dev.onshore.was.accounts;

import java.time.Instant;

/**
 * What an erasure did.
 *
 * @param identityPending true while the shoppers realm's user still exists: it is deleted after the erasure
 *     committed, by a listener that retries while Keycloak is unreachable (docs/security/account-deletion.md)
 */
public record AccountErasure(Instant erasedAt, int addressesDeleted, int ordersAnonymised, boolean identityPending) {
}
