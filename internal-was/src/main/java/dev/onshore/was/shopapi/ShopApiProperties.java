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
 * @param serverMaxAge the longest this node serves a catalogue answer it computed; bounds staleness for what no event
 *     announces (a category edit, an edit straight in MariaDB), as the rendered pages' max age does. Catalog changes
 *     (texts, offers, prices, availability, exchange rates) drop the answers at once.
 * @param serverCacheEntries how many answers this node keeps (contexts × endpoints × parameters); the least used go
 *     first
 */
@Validated
@ConfigurationProperties("onshore.shop-api")
record ShopApiProperties(@DefaultValue("60s") Duration maxAge, @DefaultValue("5s") Duration serverMaxAge,
        @DefaultValue("10000") long serverCacheEntries) {

    ShopApiProperties {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("onshore.shop-api.max-age must not be negative: " + maxAge);
        }
        if (serverMaxAge.isNegative()) {
            throw new IllegalArgumentException("onshore.shop-api.server-max-age must not be negative: "
                    + serverMaxAge);
        }
        if (serverCacheEntries < 0) {
            throw new IllegalArgumentException("onshore.shop-api.server-cache-entries must not be negative: "
                    + serverCacheEntries);
        }
    }
}
