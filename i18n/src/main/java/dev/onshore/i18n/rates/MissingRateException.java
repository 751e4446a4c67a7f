package dev.onshore.i18n.rates;

import java.time.Instant;
import java.util.Currency;

/** Conversion refused because no rate for the pair was in force at the time asked for. */
public final class MissingRateException extends IllegalStateException {

    MissingRateException(Currency base, Currency quote, Instant at) {
        super("No exchange rate " + base.getCurrencyCode() + "/" + quote.getCurrencyCode() + " in force at " + at
                + "; import rates or set a manual rate");
    }
}
