package dev.onshore.was.accounts.internal;

import dev.onshore.was.accounts.AccountErasedException;
import dev.onshore.was.accounts.CustomerAdministration;
import dev.onshore.was.accounts.CustomerStanding;
import dev.onshore.was.accounts.StaleCustomerException;
import dev.onshore.was.accounts.UnknownCustomerException;
import dev.onshore.was.adminapi.AdminCaller;
import dev.onshore.was.audit.AuditTrail;
import dev.onshore.was.orders.OrderManagement;
import dev.onshore.was.pii.PiiAttributeConverter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers for operators, and the blacklist checkout asks about. Personal values are decrypted only for the rows
 * shown, and shown masked unless an operator reveals them (audited).
 */
@Service
class CustomerService implements CustomerAdministration, CustomerStanding {

    /** How many of a customer's orders the detail lists. */
    static final int ORDERS_SHOWN = 50;

    private final CustomerRecords records;
    private final PiiAttributeConverter pii;
    private final OrderManagement orders;
    private final AuditTrail audit;
    private final Erasures erasures;
    private final ShopperProfiles profiles;
    private final Clock clock;

    CustomerService(CustomerRecords records, PiiAttributeConverter pii, OrderManagement orders, AuditTrail audit,
            Erasures erasures, ShopperProfiles profiles, Clock clock) {
        this.records = records;
        this.profiles = profiles;
        this.erasures = erasures;
        this.pii = pii;
        this.orders = orders;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Page search(@Nullable String email, @Nullable String orderNumber, int page, int size) {
        if (page < 0 || size < 1 || size > 100) {
            throw new IllegalArgumentException("page from 0, size 1 to 100");
        }
        var index = email == null || email.isBlank() ? null : records.emailIndex(email);
        String subject = null;
        if (orderNumber != null && !orderNumber.isBlank()) {
            var order = orders.find(orderNumber.strip()).orElse(null);
            if (order == null) {
                return new Page(List.of(), page, size, 0, List.of());
            }
            subject = order.memberSubject();
            if (subject == null) {
                return new Page(List.of(), page, size, 0, guestOf(order, email));
            }
        }
        var rows = records.page(index, subject, page, size);
        var guests = email == null || email.isBlank() || page > 0 ? List.<GuestBuyer>of() : guestsWith(email);
        return new Page(rows.stream().map(row -> summary(row, lastOrder(row.subject()))).toList(), page, size,
                records.count(index, subject), guests);
    }

    /** The guest who bought with this address, with their orders; none when no guest did. */
    private List<GuestBuyer> guestsWith(String email) {
        var found = orders.findForGuest(email, ORDERS_SHOWN);
        if (found.isEmpty()) {
            return List.of();
        }
        // Masked as the guest gave it (their latest order's), not as the operator typed it.
        var given = orders.recipient(found.getFirst().number()).map(dev.onshore.was.orders.OrderRecipient::email)
                .orElse(email).strip();
        return List.of(guest(java.util.Objects.requireNonNull(Masks.email(given)), given, found.getFirst().market(),
                found));
    }

    private GuestBuyer guest(String masked, String address, @Nullable String market,
            List<dev.onshore.was.orders.OrderView> orders) {
        var reason = address.isBlank() ? java.util.Optional.<String>empty()
                : records.blacklistedBeforeErasure(records.emailIndex(address));
        return new GuestBuyer(masked, market, orders.stream().map(CustomerService::customerOrder).toList(),
                orders.getFirst().number(), reason.isPresent(), reason.filter(text -> !text.isEmpty()).orElse(null));
    }

    @Override
    @Transactional
    public GuestBuyer blacklistGuest(String orderNumber, boolean blocked, String reason) {
        var order = orders.find(orderNumber).filter(found -> found.memberSubject() == null)
                .orElseThrow(() -> new UnknownCustomerException(orderNumber));
        var address = orders.recipient(order.number()).map(dev.onshore.was.orders.OrderRecipient::email).orElse("")
                .strip();
        if (address.isEmpty()) {
            throw new UnknownCustomerException(orderNumber);
        }
        var index = records.emailIndex(address);
        var before = guestStanding(records.blacklistedBeforeErasure(index));
        var operator = AdminCaller.current().map(AdminCaller::operator).orElse("system");
        if (blocked) {
            records.blacklistAddress(index, reason, operator, clock.instant());
        } else {
            records.liftAddressBlacklist(index);
        }
        var after = guestStanding(records.blacklistedBeforeErasure(index));
        // The order names the guest in the trail; the address stays out of it.
        audit.record("customer.blacklist", "guest:" + order.number(), before, after);
        var theirs = orders.findForGuest(address, ORDERS_SHOWN);
        return guest(java.util.Objects.requireNonNullElse(Masks.email(address), "-"), address, order.market(),
                theirs.isEmpty() ? List.of(order) : theirs);
    }

    private static Map<String, Object> guestStanding(java.util.Optional<String> reason) {
        var standing = new java.util.LinkedHashMap<String, Object>();
        standing.put("blocked", reason.isPresent());
        standing.put("reason", reason.filter(text -> !text.isEmpty()).orElse(null));
        return standing;
    }

    /**
     * The guest buyer of a guest order: all their orders by the order's address (its blind index), or the order alone
     * when it was placed before guests were indexed; none when an address was also asked for and it is another.
     */
    private List<GuestBuyer> guestOf(dev.onshore.was.orders.OrderView order, @Nullable String email) {
        var address = orders.recipient(order.number()).map(dev.onshore.was.orders.OrderRecipient::email).orElse("");
        if (email != null && !email.isBlank()
                && !email.strip().equalsIgnoreCase(address.strip())) {
            return List.of();
        }
        var theirs = address.isBlank() ? List.<dev.onshore.was.orders.OrderView>of()
                : orders.findForGuest(address, ORDERS_SHOWN);
        var shown = theirs.stream().anyMatch(o -> o.number().equals(order.number())) ? theirs : List.of(order);
        return List.of(guest(java.util.Objects.requireNonNullElse(Masks.email(address.strip()), "-"), address.strip(),
                order.market(), shown));
    }

    private static CustomerOrder customerOrder(dev.onshore.was.orders.OrderView order) {
        return new CustomerOrder(order.number(), order.status().name(), order.total(), order.placedAt());
    }

    @Override
    @Transactional(readOnly = true)
    public Detail detail(String subject) {
        return detail(records.find(subject).orElseThrow(() -> new UnknownCustomerException(subject)));
    }

    @Override
    @Transactional
    public Revealed reveal(String subject) {
        var row = records.find(subject).orElseThrow(() -> new UnknownCustomerException(subject));
        // Who looked, when and from where; never the values themselves.
        audit.record("customer.reveal", "customer:" + subject, null, Map.of("fields", List.of("email", "name",
                "phone")));
        return new Revealed(subject, pii.convertToEntityAttribute(row.email()),
                pii.convertToEntityAttribute(row.name()), pii.convertToEntityAttribute(row.phone()));
    }

    @Override
    @Transactional
    public Detail blacklist(String subject, boolean blocked, String reason, long version) {
        var before = records.find(subject).orElseThrow(() -> new UnknownCustomerException(subject));
        var operator = AdminCaller.current().map(AdminCaller::operator).orElse("system");
        if (!records.block(subject, blocked, reason, operator, clock.instant(), version)) {
            throw new StaleCustomerException(version, before.version());
        }
        var after = records.find(subject).orElseThrow();
        if (!blocked) {
            // Lifting it for an account that inherited it from an erased one lifts it for the address.
            records.forgetBlacklistBeyondErasure(subject);
        }
        audit.record("customer.blacklist", "customer:" + subject, standing(before), standing(after));
        return detail(after);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean refusesCheckout(@Nullable String memberSubject, String email) {
        if (memberSubject != null && records.blocked(memberSubject)) {
            return true;
        }
        // Without a key file no address was ever indexed: nothing to find.
        return !email.isBlank() && pii.available() && records.blockedByEmail(records.emailIndex(email));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void holdForOrder(String memberSubject) {
        // The same lock, taken first, as every change to the account and its erasure (AccountService.lockLive).
        profiles.lock(memberSubject, clock.instant());
        if (erasures.erased(memberSubject)) {
            throw new AccountErasedException();
        }
    }

    private Detail detail(CustomerRecords.Row row) {
        var latest = orders.findForMember(row.subject(), ORDERS_SHOWN);
        var list = latest.stream().map(CustomerService::customerOrder).toList();
        var summary = summary(row, latest.isEmpty() ? null : latest.getFirst().placedAt());
        return new Detail(summary, Masks.name(pii.convertToEntityAttribute(row.name())),
                Masks.phone(pii.convertToEntityAttribute(row.phone())), row.locale(), row.blockReason(),
                row.blockChangedBy(), row.blockChangedAt(), row.version(), list);
    }

    private @Nullable Instant lastOrder(String subject) {
        var latest = orders.findForMember(subject, 1);
        return latest.isEmpty() ? null : latest.getFirst().placedAt();
    }

    /**
     * Dormant: neither a login nor an order for {@link #DORMANT_AFTER}. A profile from before logins were recorded
     * counts from when it was created or last changed.
     */
    private Summary summary(CustomerRecords.Row row, @Nullable Instant lastOrder) {
        var lastActive = Stream.of(row.lastLoginAt(), lastOrder, row.createdAt(), row.updatedAt())
                .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElseThrow();
        var dormant = lastActive.isBefore(clock.instant().minus(DORMANT_AFTER));
        return new Summary(row.subject(), Masks.email(pii.convertToEntityAttribute(row.email())), row.market(),
                row.createdAt(), row.lastLoginAt(), lastActive, dormant, row.blocked());
    }

    private static Map<String, Object> standing(CustomerRecords.Row row) {
        var standing = new java.util.LinkedHashMap<String, Object>();
        standing.put("blocked", row.blocked());
        standing.put("reason", row.blockReason());
        standing.put("version", row.version());
        return standing;
    }
}
