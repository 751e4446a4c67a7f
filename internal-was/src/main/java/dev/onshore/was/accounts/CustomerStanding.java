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
     * True when the member's account was erased: a login issued before the erasure must not place an order that
     * links the member to a name and an address again.
     */
    boolean erased(String memberSubject);
}
