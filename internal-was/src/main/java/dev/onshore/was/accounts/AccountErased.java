package dev.onshore.was.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * A shopper's account was erased; the notifications area confirms it by mail. It carries only the request's id: the
 * address the confirmation goes to is read with {@link ShopperAccounts#erasureRecipient} and cleared after the mail
 * ({@link ShopperAccounts#erasureConfirmed}), so it does not stay in the event publication log.
 */
public record AccountErased(UUID eventId, long erasureId, int ordersAnonymised, Instant occurredAt) {
}
