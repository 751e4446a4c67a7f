package dev.onshore.was.accounts;

import dev.onshore.was.shared.StaleEditException;

/** An operator's edit of a customer was based on an older version; nothing was changed. */
public class StaleCustomerException extends StaleEditException {

    public StaleCustomerException(long edited, long current) {
        super("Customer changed: edited version " + edited + ", current " + current, edited, current);
    }
}
