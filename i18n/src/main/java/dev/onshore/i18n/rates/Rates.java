package dev.onshore.i18n.rates;

import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where exchange rates are kept: every rate ever recorded (history is never rewritten). {@link InMemoryRates} is
 * here; internal-was supplies a JDBC one. Implementations must be thread-safe.
 */
public interface Rates {

    /** Records rates (all or none); never null. */
    void addAll(Collection<ExchangeRate> rates);

    default void add(ExchangeRate rate) {
        addAll(List.of(rate));
    }

    /**
     * The rate in force at {@code at}: the greatest effective time not after {@code at}, and of those the last
     * recorded. Empty when there is none.
     */
    Optional<ExchangeRate> effectiveAt(Currency base, Currency quote, Instant at);

    /** Every rate recorded for the pair, by effective time then recorded time; never null. */
    List<ExchangeRate> history(Currency base, Currency quote);

    /** Every quote currency with at least one rate against {@code base}; never null. */
    Set<Currency> quotes(Currency base);
}
