package dev.onshore.was.orders.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Shoppers' claims.
 *
 * @param window how long after delivery a shopper may ask for a return or an exchange (14 days unless set);
 *     operators may record one later
 */
@ConfigurationProperties("onshore.orders.claims")
record ClaimProperties(Duration window) {

    ClaimProperties(@Nullable Duration window) {
        this.window = window == null ? Duration.ofDays(14) : window;
        if (this.window.isNegative() || this.window.isZero()) {
            throw new IllegalArgumentException("onshore.orders.claims.window must be positive: " + window);
        }
    }
}
