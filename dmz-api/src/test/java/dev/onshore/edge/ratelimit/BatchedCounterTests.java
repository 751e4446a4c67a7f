package dev.onshore.edge.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * One node's view of a shared count when Redis's answers come back out of order: the flusher sends the first hits,
 * a request over the limit sends the rest to confirm, and the flusher's older, smaller count is applied last.
 */
class BatchedCounterTests {

    private static final long WINDOW = Duration.ofMinutes(1).toNanos();

    @Test
    void anOlderSmallerCountArrivingLastDoesNotLetTheClientPastItsLimit() {
        var now = 0L;
        var counter = new BatchedCounters.Counter("rl:search:ip:203.0.113.4", now, WINDOW,
                new ConcurrentLinkedQueue<>());
        for (int i = 0; i < 3; i++) {
            counter.hit(now);
        }
        var flushed = counter.take(); // the flusher's call, on its way to Redis
        long estimate = 0;
        for (int i = 0; i < 3; i++) {
            estimate = counter.hit(now);
        }
        assertThat(estimate).isEqualTo(6);
        var confirming = counter.take(); // the sixth request's own call: Redis runs it second
        counter.added(confirming, 6, WINDOW, now);
        counter.added(flushed, 3, WINDOW, now); // the flusher's answer (3) is applied after it

        assertThat(counter.refuseIfOver(5, now)).as("nanoseconds refused, limit 5 after 6 hits").isPositive();
    }

    @Test
    void aNewWindowStartsFromItsOwnCount() {
        var counter = new BatchedCounters.Counter("rl:search:ip:203.0.113.5", 0, WINDOW,
                new ConcurrentLinkedQueue<>());
        for (int i = 0; i < 6; i++) {
            counter.hit(0);
        }
        counter.added(counter.take(), 6, WINDOW, 0);
        assertThat(counter.refuseIfOver(5, 0)).isPositive();

        var later = WINDOW + 1;
        assertThat(counter.hit(later)).as("the first hit of the next window").isEqualTo(1);
        counter.added(counter.take(), 1, WINDOW, later);
        assertThat(counter.refuseIfOver(5, later)).isZero();
    }
}
