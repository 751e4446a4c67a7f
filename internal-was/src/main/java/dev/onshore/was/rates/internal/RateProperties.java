package dev.onshore.was.rates.internal;

import dev.onshore.i18n.rates.RateSettings;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How converted offers use exchange rates.
 *
 * @param base the currency every rate is quoted against (the brand's own: KRW)
 * @param maxAge a rate older than this prices nothing: ECB publishes on working days, so allow a long weekend
 * @param markups per market country, a fraction added to converted prices (0.03 is 3 %)
 */
@Validated
@ConfigurationProperties("onshore.rates")
record RateProperties(@DefaultValue("KRW") @NotNull Currency base, @DefaultValue("4d") @NotNull Duration maxAge,
        @Nullable Map<String, BigDecimal> markups) {

    RateSettings settings() {
        return new RateSettings(base, maxAge, markups == null ? Map.of() : markups);
    }
}
