package dev.onshore.was.shopapi;

import dev.onshore.was.catalog.ProductCatalog;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes catalogue answers cacheable: a strong ETag from the answer's JSON (the same content gives the same tag on
 * every node), {@code Cache-Control: public, max-age} bounded by the catalog's next scheduled price change, and
 * {@code Vary} on the headers that change an answer. A request whose {@code If-None-Match} holds the tag gets a 304
 * without a body (Spring's conditional request handling of a {@link ResponseEntity} with an ETag).
 */
@Component
class CatalogueAnswers {

    private final JsonMapper json;
    private final ProductCatalog catalog;
    private final ShopApiProperties properties;
    private final Clock clock;

    CatalogueAnswers(JsonMapper json, ProductCatalog catalog, ShopApiProperties properties, Clock clock) {
        this.json = json;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    <T> ResponseEntity<T> cacheable(T body) {
        return ResponseEntity.ok().eTag(etag(json.writeValueAsBytes(body))).cacheControl(cacheControl())
                .varyBy(ShopContexts.VARY.toArray(String[]::new)).body(body);
    }

    /** How long the answer may be kept: the configured age, but never past a sale starting or ending. */
    CacheControl cacheControl() {
        var now = clock.instant();
        var maxAge = properties.maxAge();
        var next = catalog.nextScheduledChange(now).orElse(null);
        if (next != null && Duration.between(now, next).compareTo(maxAge) < 0) {
            maxAge = Duration.between(now, next).isNegative() ? Duration.ZERO : Duration.between(now, next);
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
