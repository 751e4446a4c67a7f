package dev.onshore.was.accounts;

import dev.onshore.i18n.address.Address;
import dev.onshore.i18n.context.ShopperChoice;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A shopper's own account, always by the shoppers realm's subject of the caller: the profile with its preferences,
 * the address book, and erasure. Another shopper's address is unknown here (never "forbidden").
 */
public interface ShopperAccounts {

    /**
     * Records a login: when, and the e-mail address the shoppers realm vouches for (stored encrypted, with its
     * blind index for operators' searches).
     *
     * @param email null or blank when the realm sent none (then the stored one is kept)
     */
    void recordLogin(String subject, @Nullable String email);

    /** The profile; a shopper who saved nothing yet has an empty one. */
    Profile profile(String subject);

    /**
     * Replaces the profile's values (null or blank clears one).
     *
     * @throws InvalidAccountInputException naming the first field that is not acceptable
     */
    Profile updateProfile(String subject, ProfileChange change);

    /** The market choice saved to the account (language, currency, zone), if any. */
    Optional<ShopperChoice> savedChoice(String subject);

    /** Saves what the shopper picked in the storefront's switcher; an unknown market is ignored. */
    void saveChoice(String subject, ShopperChoice choice);

    /** The address book, the preferred address first, then oldest first. */
    List<SavedAddress> addresses(String subject);

    /**
     * Adds an address, valid by the same country rules as checkout. The first address is the preferred one.
     *
     * @throws InvalidAccountInputException {@code address} with the address errors
     */
    SavedAddress addAddress(String subject, Address address, boolean preferred);

    /** @throws UnknownAddressException when the shopper has no address with this id */
    SavedAddress address(String subject, UUID id);

    /**
     * @throws UnknownAddressException when the shopper has no address with this id
     * @throws InvalidAccountInputException {@code address} with the address errors
     */
    SavedAddress updateAddress(String subject, UUID id, Address address);

    /** @throws UnknownAddressException when the shopper has no address with this id */
    SavedAddress makePreferred(String subject, UUID id);

    /**
     * Removes an address; when it was the preferred one, the oldest remaining address becomes preferred.
     *
     * @throws UnknownAddressException when the shopper has no address with this id
     */
    void removeAddress(String subject, UUID id);

    /**
     * Erases the account (right to erasure): profile and address book deleted, past orders anonymised, the request
     * recorded, {@link AccountErased} published (the confirmation mail).
     *
     * @param email where the confirmation goes (from the shopper's token; null: no mail), kept only until sent
     * @param language the confirmation's language
     * @throws AccountErasureRefusedException while an order is still open
     */
    AccountErasure erase(String subject, @Nullable String email, String language);

    /** Where the confirmation of erasure {@code erasureId} goes and in which language; empty once it was sent. */
    Optional<ErasureRecipient> erasureRecipient(long erasureId);

    /** The confirmation was sent: its address is forgotten. */
    void erasureConfirmed(long erasureId);

    /** The confirmation's recipient. */
    record ErasureRecipient(String email, String language) {
    }
}
