package dev.onshore.was.accounts.internal;

import dev.onshore.i18n.address.Address;
import dev.onshore.i18n.address.AddressFormats;
import dev.onshore.i18n.context.ShopperChoice;
import dev.onshore.i18n.market.Market;
import dev.onshore.i18n.market.Markets;
import dev.onshore.was.accounts.AccountErased;
import dev.onshore.was.audit.AuditTrail;
import dev.onshore.was.accounts.AccountErasedException;
import dev.onshore.was.accounts.AccountErasure;
import dev.onshore.was.accounts.AccountErasureRefusedException;
import dev.onshore.was.accounts.InvalidAccountInputException;
import dev.onshore.was.accounts.Profile;
import dev.onshore.was.accounts.ProfileChange;
import dev.onshore.was.accounts.SavedAddress;
import dev.onshore.was.accounts.ShopperAccounts;
import dev.onshore.was.accounts.UnknownAddressException;
import dev.onshore.was.orders.OrderManagement;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shoppers' accounts: every change takes the shopper's profile row lock first, so two requests of one shopper (two
 * tabs, a retry) change the address book one after the other and it never has two preferred addresses. Under that
 * lock every change first checks that the account was not erased: a login issued before the erasure must not write
 * personal data again ({@link AccountErasedException}; the transaction, and the profile row the lock inserted, roll
 * back).
 */
@Service
@Transactional
class AccountService implements ShopperAccounts {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);
    private static final AddressFormats ADDRESSES = AddressFormats.defaults();
    /** An address book holds this many addresses at most. */
    static final int MAX_ADDRESSES = 20;
    static final int MAX_NAME = 100;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{4,28}[0-9]");
    private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}]*");

    private final ShopperProfiles profiles;
    private final CustomerRecords customers;
    private final AddressBook book;
    private final Erasures erasures;
    private final Markets markets;
    private final OrderManagement orders;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    /** Who blacklisted an account that inherited the blacklisting of an erased account with its address. */
    static final String SYSTEM_BLACKLIST = "system (erased account's address)";

    AccountService(ShopperProfiles profiles, CustomerRecords customers, AddressBook book, Erasures erasures, Markets markets,
            OrderManagement orders, ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.profiles = profiles;
        this.customers = customers;
        this.book = book;
        this.erasures = erasures;
        this.markets = markets;
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void recordLogin(String subject, @Nullable String email) {
        if (erasures.erased(subject)) {
            // The realm user is deleted after the erasure; until then a login may still arrive: nothing is recorded.
            log.info("Login of an erased account not recorded");
            return;
        }
        var now = clock.instant();
        profiles.lock(subject, now);
        customers.recordLogin(subject, email, now);
        if (email != null && !email.isBlank()) {
            inheritBlacklist(subject, customers.emailIndex(email), now);
        }
    }

    /**
     * An account whose address belonged to an account erased while blacklisted starts blacklisted: erasing an
     * account must not be a way around the blacklist. Audited like an operator's blacklisting, by the system.
     */
    private void inheritBlacklist(String subject, String emailIndex, java.time.Instant now) {
        var reason = customers.blacklistedBeforeErasure(emailIndex).orElse(null);
        var row = customers.find(subject).orElse(null);
        if (reason == null || row == null || row.blocked()) {
            return;
        }
        customers.block(subject, true, reason, SYSTEM_BLACKLIST, now, row.version());
        audit.record("customer.blacklist", "customer:" + subject,
                java.util.Map.of("blocked", false, "version", row.version()),
                java.util.Map.of("blocked", true, "reason", reason, "inherited", "erased account's address",
                        "version", row.version() + 1));
    }

    @Override
    @Transactional(readOnly = true)
    public Profile profile(String subject) {
        return profiles.find(subject).orElseGet(() -> Profile.empty(subject));
    }

    @Override
    public Profile updateProfile(String subject, ProfileChange change) {
        var name = text(change.displayName());
        if (name != null && (name.length() > MAX_NAME || !PRINTABLE.matcher(name).matches())) {
            throw new InvalidAccountInputException("displayName", name.length() > MAX_NAME ? "too-long" : "invalid");
        }
        var phone = text(change.phone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new InvalidAccountInputException("phone", "invalid");
        }
        var marketCode = text(change.market());
        Market market = null;
        if (marketCode != null) {
            market = markets.find(marketCode).orElseThrow(() -> new InvalidAccountInputException("market", "unknown"));
        }
        var locale = locale(text(change.locale()), market);
        var currency = currency(text(change.currency()));
        var zone = zone(text(change.timeZone()));
        var profile = new Profile(subject, name, phone, market == null ? null : market.country(), locale, currency,
                zone);
        lockLive(subject);
        profiles.save(profile, clock.instant());
        return profile;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ShopperChoice> savedChoice(String subject) {
        return profiles.find(subject).filter(profile -> profile.market() != null)
                .filter(profile -> markets.find(profile.market()).isPresent())
                .map(profile -> new ShopperChoice(profile.market(), profile.locale(), profile.currency(),
                        profile.zone()));
    }

    @Override
    public void saveChoice(String subject, ShopperChoice choice) {
        var market = markets.find(choice.country()).orElse(null);
        if (market == null) {
            return;
        }
        lockLive(subject);
        var current = profile(subject);
        var locale = choice.locale() != null && market.supportedLocales().contains(choice.locale()) ? choice.locale()
                : null;
        profiles.save(new Profile(subject, current.displayName(), current.phone(), market.country(), locale,
                choice.currency() != null ? choice.currency() : current.currency(),
                choice.zone() != null ? choice.zone() : current.zone()), clock.instant());
    }

    @Override
    @Transactional(readOnly = true)
    public List<SavedAddress> addresses(String subject) {
        return book.all(subject);
    }

    @Override
    public SavedAddress addAddress(String subject, Address address, boolean preferred) {
        validate(address);
        lockLive(subject);
        var count = book.count(subject);
        if (count >= MAX_ADDRESSES) {
            throw new InvalidAccountInputException("address", "too-many");
        }
        var id = UUID.randomUUID();
        book.add(subject, id, address, false, clock.instant());
        if (preferred || count == 0) {
            book.prefer(subject, id);
        }
        return address(subject, id);
    }

    @Override
    @Transactional(readOnly = true)
    public SavedAddress address(String subject, UUID id) {
        return book.find(subject, id).orElseThrow(UnknownAddressException::new);
    }

    @Override
    public SavedAddress updateAddress(String subject, UUID id, Address address) {
        lockLive(subject);
        if (book.find(subject, id).isEmpty()) {
            throw new UnknownAddressException();
        }
        validate(address);
        book.update(subject, id, address, clock.instant());
        return address(subject, id);
    }

    @Override
    public SavedAddress makePreferred(String subject, UUID id) {
        lockLive(subject);
        if (!book.prefer(subject, id)) {
            throw new UnknownAddressException();
        }
        return address(subject, id);
    }

    @Override
    public void removeAddress(String subject, UUID id) {
        lockLive(subject);
        var removed = book.find(subject, id).orElseThrow(UnknownAddressException::new);
        book.remove(subject, id);
        if (removed.preferred()) {
            var oldest = book.all(subject).stream().findFirst();
            oldest.ifPresent(next -> book.prefer(subject, next.id()));
        }
    }

    @Override
    public AccountErasure erase(String subject, @Nullable String email, String language) {
        // Counted under the lock: an order being placed holds it (CustomerStanding.holdForOrder) until it commits.
        lockLive(subject);
        var open = orders.openOrdersOf(subject);
        if (open > 0) {
            throw new AccountErasureRefusedException(open);
        }
        var now = clock.instant();
        var addresses = book.removeAll(subject);
        // Before the profile (and its blacklist flag) goes: the blacklist outlives the account, by blind index only.
        customers.keepBlacklistBeyondErasure(subject, now);
        profiles.delete(subject);
        var anonymised = orders.anonymiseMember(subject);
        var id = erasures.record(subject, now, addresses, anonymised, email, language);
        events.publishEvent(new AccountErased(UUID.randomUUID(), id, anonymised, now));
        log.info("Account erasure {}: {} addresses deleted, {} orders anonymised; the shoppers realm user is deleted "
                + "after commit", id, addresses, anonymised);
        return new AccountErasure(now, addresses, anonymised, true);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ErasureRecipient> erasureRecipient(long erasureId) {
        return erasures.recipient(erasureId);
    }

    @Override
    public void erasureConfirmed(long erasureId) {
        erasures.forgetRecipient(erasureId);
    }

    /**
     * Takes the shopper's lock, then refuses an erased account. After the lock, so that a change racing the erasure
     * waits for it and then sees it.
     */
    private void lockLive(String subject) {
        profiles.lock(subject, clock.instant());
        if (erasures.erased(subject)) {
            throw new AccountErasedException();
        }
    }

    private static void validate(Address address) {
        var errors = ADDRESSES.validate(address);
        if (!errors.isEmpty()) {
            throw new InvalidAccountInputException("address", "invalid", errors);
        }
    }

    private @Nullable Locale locale(@Nullable String tag, @Nullable Market market) {
        if (tag == null) {
            return null;
        }
        var locale = Locale.forLanguageTag(tag);
        if (!markets.locales().contains(locale)) {
            throw new InvalidAccountInputException("locale", "unknown");
        }
        if (market != null && !market.supportedLocales().contains(locale)) {
            throw new InvalidAccountInputException("locale", "not-in-market");
        }
        return locale;
    }

    private @Nullable Currency currency(@Nullable String code) {
        if (code == null) {
            return null;
        }
        return markets.currencies().stream().filter(c -> c.getCurrencyCode().equals(code.toUpperCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new InvalidAccountInputException("currency", "unknown"));
    }

    private static @Nullable ZoneId zone(@Nullable String id) {
        if (id == null) {
            return null;
        }
        try {
            if (id.length() > 40) {
                throw new DateTimeException("too long");
            }
            return ZoneId.of(id);
        } catch (DateTimeException unknown) {
            throw new InvalidAccountInputException("timeZone", "unknown");
        }
    }

    private static @Nullable String text(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
