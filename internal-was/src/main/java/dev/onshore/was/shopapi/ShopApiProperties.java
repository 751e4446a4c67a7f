package dev.onshore.was.shopapi;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The store API's caching.
 *
 * @param maxAge how long clients and shared caches may keep a catalogue answer without asking again (never past the
 *     catalog's next scheduled price change); after it they revalidate with the ETag and usually get a 304
 */
@Validated
@ConfigurationProperties("onshore.shop-api")
record ShopApiProperties(@DefaultValue("60s") Duration maxAge) {

    ShopApiProperties {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("onshore.shop-api.max-age must not be negative: " + maxAge);
        }
    }
}
