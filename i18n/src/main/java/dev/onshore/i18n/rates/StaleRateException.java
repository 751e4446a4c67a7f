package dev.onshore.i18n.rates;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;

/**
 * Conversion refused because the rate in force is older than allowed: showing a price from a stale rate would be
 * wrong silently. The daily import has failed; the fix is an import or a manual override.
 */
public final class StaleRateException extends IllegalStateException {

    private final Currency base;
    private final Currency quote;
    private final Duration age;

    StaleRateException(Currency base, Currency quote, Instant effectiveFrom, Duration age, Duration maxAge) {
        super("Exchange rate " + base.getCurrencyCode() + "/" + quote.getCurrencyCode() + " effective from "
                + effectiveFrom + " is " + age.toHours() + " h old, more than the allowed " + maxAge.toHours()
                + " h; import today's rates or set a manual rate");
        this.base = base;
        this.quote = quote;
        this.age = age;
    }

    public Currency base() {
        return base;
    }

    public Currency quote() {
        return quote;
    }

    public Duration age() {
        return age;
    }
}
