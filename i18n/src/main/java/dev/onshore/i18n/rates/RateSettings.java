package dev.onshore.i18n.rates;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How exchange rates are used; apps bind their configuration to this record.
 *
 * @param base    the currency every rate is quoted against (KRW for a Korean brand)
 * @param maxAge  conversion refuses a rate whose effective time is older than this; ECB publishes on working days
 *                only, so allow for a long weekend (the default is 4 days)
 * @param markups per market country (ISO alpha-2), a fraction added on converted prices: 0.03 is 3 %; countries
 *                not listed get none; each in [0, 1)
 */
public record RateSettings(Currency base, Duration maxAge, Map<String, BigDecimal> markups) {

    public RateSettings {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive: " + maxAge);
        }
        markups = Objects.requireNonNull(markups, "markups").entrySet().stream().collect(Collectors.toUnmodifiableMap(
                e -> e.getKey().strip().toUpperCase(Locale.ROOT), Map.Entry::getValue));
        markups.forEach((country, markup) -> {
            if (markup.signum() < 0 || markup.compareTo(BigDecimal.ONE) >= 0) {
                throw new IllegalArgumentException("markup for " + country + " must be in [0, 1): " + markup);
            }
        });
    }

    /** KRW base, 4 days maximum age, no markups. */
    public static RateSettings defaults() {
        return new RateSettings(Currency.getInstance("KRW"), Duration.ofDays(4), Map.of());
    }

    public BigDecimal markupFor(String country) {
        return markups.getOrDefault(country.toUpperCase(Locale.ROOT), BigDecimal.ZERO);
    }
}
