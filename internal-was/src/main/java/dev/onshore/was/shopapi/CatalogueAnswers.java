package dev.onshore.was.shopapi;

import dev.onshore.was.catalog.CatalogCopies;
import dev.onshore.was.catalog.CatalogViewsChanged;
import dev.onshore.was.catalog.ProductCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
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

    private record Answer(Object body, String etag) {
    }

    private final JsonMapper json;
    private final ShopApiProperties properties;
    private final Clock clock;
    private final CatalogCopies<Key, Answer> answers;

    CatalogueAnswers(JsonMapper json, ProductCatalog catalog, ShopApiProperties properties, Clock clock,
            MeterRegistry meters) {
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.answers = CatalogCopies.<Key, Answer>of(catalog, clock, properties.serverCacheEntries())
                .measured(meters, "shop-api.catalogue").build();
    }

    @EventListener
    void on(CatalogViewsChanged event) {
        answers.invalidate();
    }

    /**
     * The answer for {@code key}: this node's copy when it has a current one, else {@code compute}'s, kept for the
     * next request. Concurrent requests for the same missing answer compute it once.
     */
    @SuppressWarnings("unchecked")
    <T> ResponseEntity<T> cached(Key key, Supplier<T> compute) {
        var found = answers.computeIfAbsent(key, properties.serverMaxAge(), missing -> {
            var body = compute.get();
            return new Answer(body, etag(json.writeValueAsBytes(body)));
        });
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
        var untilNext = Duration.between(now, answers.nextChange());
        if (untilNext.compareTo(maxAge) < 0) {
            maxAge = untilNext.isNegative() ? Duration.ZERO : untilNext;
        }
        return CacheControl.maxAge(maxAge).cachePublic();
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
