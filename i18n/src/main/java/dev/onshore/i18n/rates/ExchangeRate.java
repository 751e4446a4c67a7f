package dev.onshore.i18n.rates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One recorded exchange rate: one unit of {@code base} buys {@code rate} units of {@code quote} from
 * {@code effectiveFrom} on, until a rate with a later effective time replaces it. Rates are never updated in place:
 * history is the list of these records.
 *
 * @param id            unique id, for audit and for a rate snapshot to point at
 * @param base          the base currency (KRW by default)
 * @param quote         the other currency
 * @param rate          quote units per base unit; positive, at most {@value #MAX_SCALE} decimals (rounded half-even)
 * @param effectiveFrom when the rate starts to apply
 * @param source        where it came from
 * @param reason        why an operator set it; required for {@link RateSource#MANUAL}, may be null otherwise
 * @param recordedAt    when it was recorded; of two rates with the same effective time, the later recorded wins
 */
public record ExchangeRate(UUID id, Currency base, Currency quote, BigDecimal rate, Instant effectiveFrom,
                           RateSource source, @Nullable String reason, Instant recordedAt) {

    /** Decimals kept; a {@code DECIMAL(32,16)} column holds every rate. */
    public static final int MAX_SCALE = 16;

    public ExchangeRate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (base.equals(quote)) {
            throw new IllegalArgumentException("a rate needs two different currencies, got " + base + " twice");
        }
        if (rate.scale() > MAX_SCALE) {
            rate = rate.setScale(MAX_SCALE, RoundingMode.HALF_EVEN);
        }
        rate = rate.stripTrailingZeros();
        if (rate.scale() < 0) {
            rate = rate.setScale(0);
        }
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("rate must be positive: " + base + "/" + quote + " " + rate);
        }
        if (source == RateSource.MANUAL && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a manual rate needs a reason");
        }
        if (reason != null && reason.length() > 500) {
            throw new IllegalArgumentException("reason is longer than 500 characters");
        }
    }

    public static ExchangeRate of(Currency base, Currency quote, BigDecimal rate, Instant effectiveFrom,
                                  RateSource source, @Nullable String reason, Instant recordedAt) {
        return new ExchangeRate(UUID.randomUUID(), base, quote, rate, effectiveFrom, source, reason, recordedAt);
    }
}
