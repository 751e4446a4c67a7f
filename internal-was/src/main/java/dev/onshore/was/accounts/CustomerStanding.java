package dev.onshore.was.accounts;

import org.jspecify.annotations.Nullable;

/** Whether the shop still sells to a shopper: checkout asks before it places an order. */
public interface CustomerStanding {

    /**
     * True when the member, or the account the e-mail address belongs to (a blacklisted member checking out as a
     * guest), is on the blacklist.
     */
    boolean refusesCheckout(@Nullable String memberSubject, String email);
}
