package dev.onshore.was.shopapi;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.onshore.was.catalog.CatalogViewsChanged;
import dev.onshore.was.catalog.ProductCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes catalogue answers cacheable, by clients and by this node. Clients get a strong ETag from the answer's JSON
 * (the same content gives the same tag on every node), {@code Cache-Control: public, max-age} bounded by the
 * catalog's next scheduled price change, and {@code Vary} on the headers that change an answer; a request whose
 * {@code If-None-Match} holds the tag gets a 304 without a body (Spring's conditional request handling of a
 * {@link ResponseEntity} with an ETag).
 *
 * <p>This node keeps each answer it computed, with its tag, under everything the answer was computed from: the
 * endpoint, the resolved {@link ShopContext} (market, locale, currency, time zone) and the endpoint's parameters. A
 * hit costs a map lookup and the JSON writing, not a search, product loads and pricing. An answer is never served
 * past the earliest of: the server max age; the catalog's next scheduled change (a sale starting or ending); a change
 * of the catalog on any node ({@link CatalogViewsChanged}: the same signal that drops the rendered storefront pages,
 * sent once this node's index shows the change, also for price changes from new exchange rates), which bumps the
 * generation. An answer computed while a change was landing carries the generation it started with and is never
 * served after the bump.
 */
@Component
class CatalogueAnswers {

    /** What an answer was computed from: an endpoint, whom for, and its parameters as the endpoint read them. */
    record Key(String endpoint, ShopContext context, List<@Nullable String> parameters) {

        static Key of(String endpoint, ShopContext context, @Nullable String... parameters) {
            return new Key(endpoint, context, Arrays.asList(parameters));
        }
    }

    private record Answer(Object body, String etag, long generation, long expiresAtNanos) {
    }

    private record Horizon(long generation, Instant until) {
    }

    private final JsonMapper json;
    private final ProductCatalog catalog;
    private final ShopApiProperties properties;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    private final Cache<Key, Answer> cache;
    private volatile @Nullable Horizon horizon;

    CatalogueAnswers(JsonMapper json, ProductCatalog catalog, ShopApiProperties properties, Clock clock,
            MeterRegistry meters) {
        this.json = json;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().maximumSize(properties.serverCacheEntries())
                .expireAfter(new Expiry<Key, Answer>() {
                    @Override
                    public long expireAfterCreate(Key key, Answer answer, long now) {
                        return Math.max(0, answer.expiresAtNanos() - now);
                    }

                    @Override
                    public long expireAfterUpdate(Key key, Answer answer, long now, long current) {
                        return expireAfterCreate(key, answer, now);
                    }

                    @Override
                    public long expireAfterRead(Key key, Answer answer, long now, long current) {
                        return current;
                    }
                }).recordStats().build();
        CaffeineCacheMetrics.monitor(meters, cache, "shop-api.catalogue");
    }

    @EventListener
    void on(CatalogViewsChanged event) {
        generation.incrementAndGet();
        cache.invalidateAll();
    }

    /**
     * The answer for {@code key}: this node's copy when it has a current one, else {@code compute}'s, kept for the
     * next request. Concurrent requests for the same missing answer compute it once.
     */
    @SuppressWarnings("unchecked")
    <T> ResponseEntity<T> cached(Key key, Supplier<T> compute) {
        var current = generation.get();
        var found = cache.getIfPresent(key);
        if (found != null && found.generation() != current) {
            cache.asMap().remove(key, found);
            found = null;
        }
        if (found == null) {
            found = cache.get(key, missing -> {
                var until = until(current);
                var body = compute.get();
                var ttl = Duration.between(clock.instant(), until);
                var nanos = ttl.isNegative() ? 0 : ttl.toNanos();
                return new Answer(body, etag(json.writeValueAsBytes(body)), current, System.nanoTime() + nanos);
            });
        }
        return (ResponseEntity<T>) respond(found.body(), found.etag());
    }

    <T> ResponseEntity<T> cacheable(T body) {
        return respond(body, etag(json.writeValueAsBytes(body)));
    }

    private <T> ResponseEntity<T> respond(T body, String etag) {
        return ResponseEntity.ok().eTag(etag).cacheControl(cacheControl())
                .varyBy(ShopContexts.VARY.toArray(String[]::new)).body(body);
    }

    /** How long the answer may be kept: the configured age, but never past a sale starting or ending. */
    CacheControl cacheControl() {
        var now = clock.instant();
        var maxAge = properties.maxAge();
        var next = horizon(generation.get(), now);
        if (Duration.between(now, next).compareTo(maxAge) < 0) {
            maxAge = Duration.between(now, next).isNegative() ? Duration.ZERO : Duration.between(now, next);
        }
        return CacheControl.maxAge(maxAge).cachePublic();
    }

    /** The latest moment an answer computed now may be served by this node. */
    private Instant until(long generation) {
        var now = clock.instant();
        var next = horizon(generation, now);
        var byAge = now.plus(properties.serverMaxAge());
        return next.isBefore(byAge) ? next : byAge;
    }

    /**
     * The catalog's next scheduled change (far ahead when none), asked once per generation and again once it passed:
     * not a database query per request.
     */
    private Instant horizon(long generation, Instant now) {
        var known = horizon;
        if (known == null || known.generation() != generation || !now.isBefore(known.until())) {
            known = new Horizon(generation, catalog.nextScheduledChange(now).orElse(now.plus(Duration.ofDays(1))));
            horizon = known;
        }
        return known.until();
    }

    static String etag(byte[] content) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(content);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"";
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JVM has SHA-256", impossible);
        }
    }
}
