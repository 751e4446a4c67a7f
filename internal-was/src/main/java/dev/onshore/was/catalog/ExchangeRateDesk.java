package dev.onshore.was.catalog;

import dev.onshore.i18n.rates.ExchangeRate;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * Where operators keep the exchange rates behind converted offers: imports, overrides with a reason, history. Every
 * change is recorded with its operator and makes every node re-price the products with converted offers.
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
     * @throws dev.onshore.i18n.rates.RateImportException when the file cannot be imported (nothing recorded)
     */
    List<ExchangeRate> importEcb(InputStream xml, Operator operator) throws IOException;

    /**
     * Records an operator's rate, in force from now until a rate with a later effective time replaces it.
     *
     * @param quotePerBase positive; quote units per base unit
     * @param reason why (1 to 500 characters), kept for the audit
     */
    ExchangeRate override(Currency quote, BigDecimal quotePerBase, String reason, Operator operator);
}
