package dev.onshore.was.accounts;

import dev.onshore.i18n.address.Address;
import java.util.UUID;

/** An address in a shopper's address book; {@code preferred} is the one checkout proposes first. */
public record SavedAddress(UUID id, Address address, boolean preferred) {
}
