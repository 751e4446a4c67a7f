package dev.onshore.edge.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Redis commands for the edge. After a failure, further calls fail at once for a short while (instead of each
 * paying the timeout), then the next call tries Redis again. Thread-safe.
 */
public final class RedisGuard {

    private static final Logger log = LoggerFactory.getLogger(RedisGuard.class);

    private final long downForNanos;
    private final AtomicLong downUntil = new AtomicLong(Long.MIN_VALUE);

    RedisGuard(Duration downFor) {
        this.downForNanos = downFor.toNanos();
    }

    /**
     * @throws RedisUnavailableException when Redis failed now or a moment ago
     */
    public <T> T call(Supplier<T> command) {
        var now = System.nanoTime();
        var until = downUntil.get();
        if (until != Long.MIN_VALUE && now - until < 0) {
            throw new RedisUnavailableException("Redis was unavailable a moment ago");
        }
        try {
            var result = command.get();
            downUntil.set(Long.MIN_VALUE);
            return result;
        } catch (RedisException e) {
            if (downUntil.getAndSet(now + downForNanos) == Long.MIN_VALUE) {
                log.warn("Redis unavailable; outage policies apply ({})", e.getMessage());
            }
            throw new RedisUnavailableException("Redis unavailable", e);
        }
    }

    /** Whether the last call found Redis answering. */
    public boolean isUp() {
        var until = downUntil.get();
        return until == Long.MIN_VALUE || System.nanoTime() - until >= 0;
    }
}
