package dev.onshore.was.accounts;

import java.time.Instant;

/**
 * What an erasure did.
 *
 * @param identityPending true while the shoppers realm's user still exists (internal-was has no admin client for
 *     the realm: an operator removes it, see docs/security/account-deletion.md)
 */
public record AccountErasure(Instant erasedAt, int addressesDeleted, int ordersAnonymised, boolean identityPending) {
}
