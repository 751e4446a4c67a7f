package dev.onshore.i18n.rates;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * Exactly what a conversion used; whoever charges a converted price stores this with the order line.
 *
 * @param from   the source currency
 * @param to     the target currency
 * @param rate   target units per source unit, before markup (1 when the currencies are equal)
 * @param markup the market markup applied after the rate (0.03 = 3 %)
 * @param legs   the recorded rates used: none for equal currencies, one to or from the base, two for a cross rate
 * @param asOf   the time the rates were looked up for
 */
public record RateSnapshot(Currency from, Currency to, BigDecimal rate, BigDecimal markup, List<ExchangeRate> legs,
                           Instant asOf) {

    public RateSnapshot {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(markup, "markup");
        legs = List.copyOf(Objects.requireNonNull(legs, "legs"));
        Objects.requireNonNull(asOf, "asOf");
    }

    /** The rate including markup: {@code rate × (1 + markup)}. */
    public BigDecimal effectiveRate() {
        return rate.multiply(BigDecimal.ONE.add(markup));
    }
}
