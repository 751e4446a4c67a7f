package dev.onshore.was.accounts;

import dev.onshore.i18n.money.Money;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Customers as operators see them (admin API): registered shoppers, found by the exact e-mail address (through its
 * blind index, never by decrypting the table) or by one of their order numbers, or listed most recently active first;
 * and, in a search, the guests who bought with that address or placed that order (buyers without an account).
 * Personal values are masked; {@link #reveal} shows them and is audited. A blacklisted shopper cannot check out.
 */
public interface CustomerAdministration {

    /** No login and no order for this long makes an account dormant. */
    java.time.Duration DORMANT_AFTER = java.time.Duration.ofDays(365);

    /**
     * One page of customers, most recently active first.
     *
     * @param email an exact address (any case), or null
     * @param orderNumber one of the customer's order numbers, or null (a guest's order finds its guest buyer)
     * @param page from 0
     * @param size 1 to 100
     */
    Page search(@Nullable String email, @Nullable String orderNumber, int page, int size);

    /** @throws UnknownCustomerException when no shopper has this subject */
    Detail detail(String subject);

    /**
     * The customer's personal values unmasked, audited as {@code customer.reveal} (who, when, from where).
     *
     * @throws UnknownCustomerException when no shopper has this subject
     */
    Revealed reveal(String subject);

    /**
     * Puts the customer on the blacklist or takes them off, with the reason; audited as {@code customer.blacklist}.
     *
     * @param version the version the operator saw
     * @throws StaleCustomerException when the customer changed since
     * @throws UnknownCustomerException when no shopper has this subject
     */
    Detail blacklist(String subject, boolean blocked, String reason, long version);

    /**
     * Puts the guest buyer of a guest order on the blacklist or takes them off, with the reason: their address (by its
     * blind index only, as an erased account's blacklisting is kept) can then not check out, as a guest or with a new
     * account; audited as {@code customer.blacklist} of {@code guest:<order number>}.
     *
     * @throws UnknownCustomerException when no guest order has this number or it has no e-mail address
     */
    GuestBuyer blacklistGuest(String orderNumber, boolean blocked, String reason);

    /**
     * A customer in a list.
     *
     * @param email masked ({@code k***@example.com}); null when no login recorded it yet
     * @param lastLoginAt null when no login was recorded
     */
    record Summary(String subject, @Nullable String email, @Nullable String market, @Nullable Instant createdAt,
            @Nullable Instant lastLoginAt, @Nullable Instant lastActiveAt, boolean dormant, boolean blocked) {
    }

    /**
     * @param guests the guest buyers the search found (never in an unfiltered list); empty when none
     */
    record Page(List<Summary> customers, int page, int size, long total, List<GuestBuyer> guests) {

        public Page {
            guests = List.copyOf(guests);
        }
    }

    /**
     * A buyer without an account: the guest orders placed with one address (found by its blind index), newest
     * first; an order placed before guests were indexed stands alone.
     *
     * @param email masked, like a customer's
     * @param order the guest order operators act on the guest by (the newest shown)
     * @param blocked whether the address is blacklisted (by an operator, for a guest or an erased account)
     * @param blockReason why, when it is
     */
    record GuestBuyer(String email, @Nullable String market, List<CustomerOrder> orders, String order,
            boolean blocked, @Nullable String blockReason) {
    }

    /** An order of the customer. */
    record CustomerOrder(String number, String status, Money total, Instant placedAt) {
    }

    /**
     * A customer with their orders; personal values masked.
     *
     * @param blockReason why they are (or were last) blacklisted; null when never
     */
    record Detail(Summary summary, @Nullable String name, @Nullable String phone, @Nullable String locale,
            @Nullable String blockReason, @Nullable String blockChangedBy, @Nullable Instant blockChangedAt,
            long version, List<CustomerOrder> orders) {
    }

    /** The unmasked values (null where the shopper gave none). */
    record Revealed(String subject, @Nullable String email, @Nullable String name, @Nullable String phone) {
    }
}
