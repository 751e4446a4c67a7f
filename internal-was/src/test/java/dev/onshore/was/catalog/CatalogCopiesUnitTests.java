package dev.onshore.was.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CatalogCopiesUnitTests {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    /** One time for both the clock (schedules) and the ticker (expiries), moved by the test. */
    private static final class Time extends Clock implements Ticker {

        private Duration passed = Duration.ZERO;

        void pass(Duration duration) {
            passed = passed.plus(duration);
        }

        @Override
        public Instant instant() {
            return START.plus(passed);
        }

        @Override
        public long read() {
            return 1_000_000_000L + passed.toNanos();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private final Time time = new Time();
    private final AtomicInteger scheduleQueries = new AtomicInteger();

    /** A catalog whose next scheduled change is {@code next}; nothing else may be asked of it. */
    private ProductCatalog catalogChangingAt(Optional<Instant> next) {
        return (ProductCatalog) Proxy.newProxyInstance(ProductCatalog.class.getClassLoader(),
                new Class<?>[] {ProductCatalog.class}, (proxy, method, args) -> {
                    if (method.getName().equals("nextScheduledChange")) {
                        scheduleQueries.incrementAndGet();
                        var after = (Instant) args[0];
                        return next.filter(at -> at.isAfter(after));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private CatalogCopies<String, String> copies(Optional<Instant> next) {
        return CatalogCopies.<String, String>of(catalogChangingAt(next), time, 100).ticker(time).build();
    }

    @Test
    void aCopyIsServedForItsMaxAgeAndNotAfter() {
        var copies = copies(Optional.empty());
        var started = copies.generation();
        copies.keep("page", "v1", started, copies.until(started, Duration.ofSeconds(5)));

        time.pass(Duration.ofSeconds(4));
        assertThat(copies.current("page")).isEqualTo("v1");
        time.pass(Duration.ofSeconds(1));
        assertThat(copies.current("page")).isNull();
    }

    @Test
    void aCopyIsNotServedPastTheNextScheduledChangeOfTheCatalogOrOfAnotherSource() {
        var sale = copies(Optional.of(START.plusSeconds(2)));
        var started = sale.generation();
        assertThat(sale.until(started, Duration.ofMinutes(1))).isEqualTo(START.plusSeconds(2));
        sale.keep("page", "before the sale", started, sale.until(started, Duration.ofMinutes(1)));
        time.pass(Duration.ofSeconds(2));
        assertThat(sale.current("page")).isNull();

        var window = CatalogCopies.<String, String>of(catalogChangingAt(Optional.of(START.plusSeconds(60))), time, 10)
                .alsoChangingAt(now -> Optional.of(now.plusSeconds(3))).ticker(time).build();
        assertThat(window.until(window.generation(), Duration.ofMinutes(1))).isEqualTo(time.instant().plusSeconds(3));
    }

    @Test
    void nothingScheduledLeavesTheMaxAgeAndAPassedScheduleKeepsNothing() {
        var copies = copies(Optional.empty());
        assertThat(copies.nextChange()).isEqualTo(START.plus(Duration.ofDays(1)));
        copies.keep("page", "late", copies.generation(), time.instant());
        assertThat(copies.current("page")).isNull();
    }

    @Test
    void aCopyComputedBeforeAnInvalidationIsNeverServedAfterIt() {
        var copies = copies(Optional.empty());
        var started = copies.generation();
        var until = copies.until(started, Duration.ofMinutes(1));
        copies.invalidate(); // a change lands while the copy is computed from the old state
        copies.keep("page", "old state", started, until);
        assertThat(copies.current("page")).isNull();

        copies.keep("page", "new state", copies.generation(), copies.until(copies.generation(), Duration.ofMinutes(1)));
        assertThat(copies.current("page")).isEqualTo("new state");
        copies.invalidate();
        assertThat(copies.current("page")).isNull();
    }

    @Test
    void computeIfAbsentComputesOncePerGeneration() {
        var copies = copies(Optional.empty());
        var computed = new AtomicInteger();
        for (var i = 0; i < 3; i++) {
            assertThat(copies.computeIfAbsent("answer", Duration.ofSeconds(5), key -> "v" + computed.incrementAndGet()))
                    .isEqualTo("v1");
        }
        copies.invalidate();
        assertThat(copies.computeIfAbsent("answer", Duration.ofSeconds(5), key -> "v" + computed.incrementAndGet()))
                .isEqualTo("v2");
        time.pass(Duration.ofSeconds(5));
        assertThat(copies.computeIfAbsent("answer", Duration.ofSeconds(5), key -> "v" + computed.incrementAndGet()))
                .isEqualTo("v3");
    }

    @Test
    void theScheduleIsAskedOncePerGenerationAndAgainOnceItPassed() {
        var copies = copies(Optional.of(START.plusSeconds(30)));
        for (var i = 0; i < 5; i++) {
            copies.until(copies.generation(), Duration.ofSeconds(5));
        }
        assertThat(scheduleQueries).hasValue(1);
        copies.invalidate();
        copies.until(copies.generation(), Duration.ofSeconds(5));
        assertThat(scheduleQueries).hasValue(2);
        time.pass(Duration.ofSeconds(30));
        copies.until(copies.generation(), Duration.ofSeconds(5));
        assertThat(scheduleQueries).hasValue(3);
    }
}
