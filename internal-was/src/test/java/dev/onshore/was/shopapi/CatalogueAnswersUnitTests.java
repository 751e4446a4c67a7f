package dev.onshore.was.shopapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.was.catalog.ProductCatalog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CatalogueAnswersUnitTests {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    /** A catalog whose next scheduled price change is {@code next}; nothing else may be asked of it. */
    private static ProductCatalog catalogChangingAt(Optional<Instant> next) {
        return (ProductCatalog) Proxy.newProxyInstance(ProductCatalog.class.getClassLoader(),
                new Class<?>[] {ProductCatalog.class}, (proxy, method, args) -> {
                    if (method.getName().equals("nextScheduledChange")) {
                        return next;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static CatalogueAnswers answers(Optional<Instant> next) {
        return new CatalogueAnswers(JsonMapper.builder().build(), catalogChangingAt(next),
                new ShopApiProperties(Duration.ofSeconds(60), Duration.ofSeconds(5), 100),
                Clock.fixed(NOW, ZoneOffset.UTC), new SimpleMeterRegistry());
    }

    @Test
    void answersMayBeKeptForTheConfiguredAgeByAnyCache() {
        assertThat(answers(Optional.empty()).cacheControl().getHeaderValue()).isEqualTo("max-age=60, public");
    }

    @Test
    void answersAreNeverKeptPastASaleStartingOrEnding() {
        assertThat(answers(Optional.of(NOW.plusSeconds(7))).cacheControl().getHeaderValue())
                .isEqualTo("max-age=7, public");
        assertThat(answers(Optional.of(NOW.plusSeconds(600))).cacheControl().getHeaderValue())
                .isEqualTo("max-age=60, public");
    }

    @Test
    void etagIsStrongAndFollowsTheContent() {
        var one = CatalogueAnswers.etag("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(one).startsWith("\"").endsWith("\"").doesNotStartWith("W/");
        assertThat(CatalogueAnswers.etag("{\"a\":1}".getBytes(StandardCharsets.UTF_8))).isEqualTo(one);
        assertThat(CatalogueAnswers.etag("{\"a\":2}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(one);
    }

    @Test
    void cacheableAnswerCarriesEtagCacheControlAndVary() {
        var answer = answers(Optional.empty()).cacheable(java.util.Map.of("sku", "HS-VITC-1000"));
        assertThat(answer.getHeaders().getETag()).isNotBlank();
        assertThat(answer.getHeaders().getCacheControl()).isEqualTo("max-age=60, public");
        assertThat(answer.getHeaders().getVary()).contains("Accept-Language", "X-Onshore-Country", "X-Shop-Market",
                "X-Shop-Locale", "X-Shop-Currency");
    }
}
