package dev.onshore.was.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToIntBiFunction;
import org.jspecify.annotations.Nullable;

/**
 * One node's copies of what the catalog shows (rendered pages, store API answers, the offers cart changes are
 * priced from), kept only while they are what the catalog would show now. A copy is never served past the earliest
 * of: the owner's max age; the next scheduled change ({@link ProductCatalog#nextScheduledChange}, a sale starting or
 * ending, and whatever else the owner names, e.g. a CMS window); the owner's {@link #invalidate()}, which it calls on
 * {@link CatalogViewsChanged} (a change of the catalog on any node, once this node's index shows it).
 *
 * <p>{@link #invalidate()} bumps a generation. A copy carries the generation that was current when its computation
 * started and is not served after a bump, so a computation racing an invalidation cannot bring back the old state.
 * The next scheduled change is asked once per generation, and again once it has passed: not a query per request.
 *
 * @param <K> what a copy was computed from
 * @param <V> the copy
 */
public final class CatalogCopies<K, V> {

    private record Copy<V>(V value, long generation, long expiresAtNanos) {
    }

    private record Horizon(long generation, Instant until) {
    }

    /** When nothing is scheduled: far enough ahead that the max age always comes first. */
    private static final Duration NOTHING_SCHEDULED = Duration.ofDays(1);

    private final Clock clock;
    private final Ticker ticker;
    private final Function<Instant, Optional<Instant>> nextChange;
    private final AtomicLong generation = new AtomicLong();
    private final Cache<K, Copy<V>> copies;
    private volatile @Nullable Horizon horizon;

    private CatalogCopies(Builder<K, V> builder) {
        this.clock = builder.clock;
        this.ticker = builder.ticker;
        var catalog = builder.catalog;
        var alsoScheduled = builder.alsoScheduled;
        this.nextChange = now -> earliest(catalog.nextScheduledChange(now), alsoScheduled.apply(now));
        var caffeine = Caffeine.newBuilder().ticker(ticker).expireAfter(new Expiry<K, Copy<V>>() {
            @Override
            public long expireAfterCreate(K key, Copy<V> copy, long now) {
                return Math.max(0, copy.expiresAtNanos() - now);
            }

            @Override
            public long expireAfterUpdate(K key, Copy<V> copy, long now, long current) {
                return expireAfterCreate(key, copy, now);
            }

            @Override
            public long expireAfterRead(K key, Copy<V> copy, long now, long current) {
                return current;
            }
        });
        var weigher = builder.weigher;
        if (weigher != null) {
            caffeine.maximumWeight(builder.maximum).weigher((K key, Copy<V> copy) -> weigher.applyAsInt(key,
                    copy.value()));
        } else {
            caffeine.maximumSize(builder.maximum);
        }
        if (builder.meters != null) {
            caffeine.recordStats();
        }
        this.copies = caffeine.build();
        if (builder.meters != null) {
            CaffeineCacheMetrics.monitor(builder.meters, copies, builder.metricName);
        }
    }

    /** Copies of what {@code catalog} shows, each kept at most {@code maximum} entries (or weight, see the builder). */
    public static <K, V> Builder<K, V> of(ProductCatalog catalog, Clock clock, long maximum) {
        return new Builder<>(catalog, clock, maximum);
    }

    /** The generation a computation starting now carries. */
    public long generation() {
        return generation.get();
    }

    /** Drops every copy; copies being computed now will not be served either. */
    public void invalidate() {
        generation.incrementAndGet();
        copies.invalidateAll();
    }

    /** This node's copy for {@code key} when it is current, else nothing (an outdated one is dropped). */
    public @Nullable V current(K key) {
        var copy = copies.getIfPresent(key);
        if (copy == null) {
            return null;
        }
        if (copy.generation() != generation.get()) {
            copies.asMap().remove(key, copy);
            return null;
        }
        return copy.value();
    }

    /**
     * This node's current copy for {@code key}, or {@code compute}'s, kept for {@code maxAge} at most: concurrent
     * callers for the same missing key compute it once.
     */
    public V computeIfAbsent(K key, Duration maxAge, Function<K, V> compute) {
        var found = current(key);
        if (found != null) {
            return found;
        }
        var started = generation.get();
        return copies.get(key, missing -> {
            var until = until(started, maxAge);
            var value = compute.apply(missing);
            return new Copy<>(value, started, deadline(until));
        }).value();
    }

    /**
     * Keeps {@code value}, computed from the state of generation {@code started} (read before computing), until
     * {@code until} (see {@link #until}); nothing is kept when that moment has passed.
     */
    public void keep(K key, V value, long started, Instant until) {
        var ttl = Duration.between(clock.instant(), until);
        if (ttl.isPositive()) {
            copies.put(key, new Copy<>(value, started, ticker.read() + ttl.toNanos()));
        }
    }

    /** The latest moment a copy computed now, from generation {@code started}, may be served: max age or sooner. */
    public Instant until(long started, Duration maxAge) {
        var now = clock.instant();
        var next = nextChange(started, now);
        var byAge = now.plus(maxAge);
        return next.isBefore(byAge) ? next : byAge;
    }

    /** The next scheduled change after now (far ahead when nothing is scheduled). */
    public Instant nextChange() {
        return nextChange(generation.get(), clock.instant());
    }

    private Instant nextChange(long started, Instant now) {
        var known = horizon;
        if (known == null || known.generation() != started || !now.isBefore(known.until())) {
            known = new Horizon(started, nextChange.apply(now).orElse(now.plus(NOTHING_SCHEDULED)));
            horizon = known;
        }
        return known.until();
    }

    private long deadline(Instant until) {
        var ttl = Duration.between(clock.instant(), until);
        return ticker.read() + (ttl.isNegative() ? 0 : ttl.toNanos());
    }

    private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().isBefore(a.get()) ? b : a;
    }

    /** How the copies are kept: see {@link CatalogCopies#of}. */
    public static final class Builder<K, V> {

        private final ProductCatalog catalog;
        private final Clock clock;
        private final long maximum;
        private Ticker ticker = Ticker.systemTicker();
        private Function<Instant, Optional<Instant>> alsoScheduled = now -> Optional.empty();
        private @Nullable ToIntBiFunction<K, V> weigher;
        private @Nullable MeterRegistry meters;
        private String metricName = "catalog.copies";

        private Builder(ProductCatalog catalog, Clock clock, long maximum) {
            this.catalog = catalog;
            this.clock = clock;
            this.maximum = maximum;
        }

        /** {@code maximum} is a weight (e.g. bytes), each copy weighing what {@code weigher} says. */
        public Builder<K, V> weighedBy(ToIntBiFunction<K, V> weigher) {
            this.weigher = weigher;
            return this;
        }

        /** Another source of scheduled changes the copies depend on (e.g. the CMS's windows). */
        public Builder<K, V> alsoChangingAt(Function<Instant, Optional<Instant>> nextChange) {
            this.alsoScheduled = nextChange;
            return this;
        }

        /** Hit, miss and size metrics under {@code name}. */
        public Builder<K, V> measured(MeterRegistry meters, String name) {
            this.meters = meters;
            this.metricName = name;
            return this;
        }

        /** The time source of the expiries (tests move it; the clock gives the instants compared with schedules). */
        public Builder<K, V> ticker(Ticker ticker) {
            this.ticker = ticker;
            return this;
        }

        public CatalogCopies<K, V> build() {
            return new CatalogCopies<>(this);
        }
    }
}
