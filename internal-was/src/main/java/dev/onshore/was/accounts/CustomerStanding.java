package dev.onshore.was.accounts;

import org.jspecify.annotations.Nullable;

/** Whether the shop still sells to a shopper: checkout asks before it places an order. */
public interface CustomerStanding {

    /**
     * True when the member, or the account the e-mail address belongs to (a blacklisted member checking out as a
     * guest), is on the blacklist.
     */
    boolean refusesCheckout(@Nullable String memberSubject, String email);

    /**
     * Within the caller's transaction (one must be open): takes the member's account lock until that transaction ends
     * and refuses an erased account with {@link AccountErasedException}. An order placed under it either commits
     * before an erasure of the account starts (which then counts it as open and refuses) or sees the erasure and is
     * refused: never an order that keeps a name and an address for an erased account.
     */
    void holdForOrder(String memberSubject);
}
