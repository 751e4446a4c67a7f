package dev.onshore.was.accounts;

/**
 * The account of this subject was erased: it takes no personal data any more. A login issued before the erasure (an
 * access token lives up to 5 minutes, a storefront login cookie until it expires) may still arrive; whatever it asks
 * to save (profile, addresses, a market choice, an order as that member) is refused, so erasure stays erasure.
 */
public class AccountErasedException extends RuntimeException {

    public AccountErasedException() {
        super("the account was erased");
    }
}
