package dev.onshore.was.rates;

import dev.onshore.i18n.rates.ExchangeRate;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * Where operators keep the exchange rates behind converted offers: imports, overrides with a reason, history and
 * staleness. Every change is recorded with its operator and announced as {@link ExchangeRatesChanged} after it
 * commits.
 */
public interface ExchangeRateDesk {

    /** The currency every rate is quoted against. */
    Currency base();

    /** The rate in force now per quote currency, by currency code. */
    List<RateInForce> inForce();

    /** Every rate recorded for base → {@code quote}, oldest first. */
    List<ExchangeRate> history(Currency quote);

    /**
     * Records an ECB reference-rate file (daily or historical), all or nothing.
     *
     * @param operator who (an operators-realm username), kept for the audit
     * @throws dev.onshore.i18n.rates.RateImportException when the file cannot be imported (nothing recorded)
     */
    List<ExchangeRate> importEcb(InputStream xml, String operator) throws IOException;

    /**
     * Records an operator's rate, in force from now until a rate with a later effective time replaces it.
     *
     * @param quotePerBase positive; quote units per base unit
     * @param reason why (1 to 500 characters), kept for the audit
     * @param operator who (an operators-realm username), kept for the audit
     */
    ExchangeRate override(Currency quote, BigDecimal quotePerBase, String reason, String operator);
}
