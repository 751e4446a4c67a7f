package dev.onshore.was.rates;

import dev.onshore.i18n.rates.RateSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * The exchange rate in force for one currency, as operators see it.
 *
 * @param rate quote units per one unit of the base currency
 * @param reason an override's reason, null for imports
 * @param recordedBy the operator who imported or set it, null for the system
 * @param stale older than allowed: converted offers in this currency are not sellable until a newer rate exists
 */
public record RateInForce(Currency base, Currency quote, BigDecimal rate, Instant effectiveFrom, RateSource source,
        @Nullable String reason, @Nullable String recordedBy, Duration age, boolean stale) {
}
