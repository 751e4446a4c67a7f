package dev.onshore.edge.ratelimit;

import dev.onshore.edge.redis.RedisGuard;
import dev.onshore.edge.redis.RedisUnavailableException;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fixed-window request counters for the route classes that fail open (pages, search, the store API, the waiting
 * room's poll), counted by each node and shared through Redis in batches: a request is admitted on the last shared
 * count this node knows plus its own hits since, with no Redis call; every {@code flush-every} (100 ms) one script
 * call adds each counter's new hits to Redis and brings back the shared count and the window's end. A request that
 * would go over a limit is first confirmed with Redis (one call, which adds this node's pending hits), so nobody is
 * refused on stale figures; a confirmed refusal is then kept until the window ends without asking again. While Redis
 * cannot be reached, this node's own counts still decide.
 * <p>
 * <b>Tolerance:</b> a node learns the other nodes' hits at its next flush, and a counter it has not seen yet starts
 * from zero until then. Across N nodes a client gets at most its limit plus what it sends to the other N - 1 nodes
 * within one flush interval and one Redis round trip — never more than N times its limit, which takes a burst of the
 * whole allowance inside one interval. One node alone counts exactly.
 */
@Component
class BatchedCounters {

    private static final Logger log = LoggerFactory.getLogger(BatchedCounters.class);

    /** Counters per script call: one call stays short for Redis (it blocks every other client while it runs). */
    private static final int BATCH = 200;

    /** Flushes between two sweeps of the counters whose window ended (every 5 s at 100 ms). */
    private static final int SWEEP_EVERY = 50;

    /**
     * KEYS: counters; ARGV[2i-1]: hits to add to key i, ARGV[2i]: its window in ms. Returns, for each key, its count
     * and the ms left in its window. GET and SET rather than INCRBY: the edge's ACL user has only what the scripts
     * already needed. A key whose expiry got lost (PTTL -1) gets one again.
     */
    private static final String ADD = """
            local out = {}
            for i, key in ipairs(KEYS) do
              local current = redis.call('GET', key)
              local n = (current and tonumber(current) or 0) + tonumber(ARGV[2 * i - 1])
              redis.call('SET', key, n, 'KEEPTTL')
              local ttl = redis.call('PTTL', key)
              if ttl < 0 then
                redis.call('PEXPIRE', key, ARGV[2 * i])
                ttl = tonumber(ARGV[2 * i])
              end
              out[2 * i - 1] = n
              out[2 * i] = ttl
            end
            return out
            """;

    private final RedissonClient redis;
    private final RedisGuard guard;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    /**
     * The counters with hits to send, each once: a flush visits only these, not every client of the window (with many
     * shoppers, tens of thousands).
     */
    private final Queue<Counter> pending = new ConcurrentLinkedQueue<>();
    private int flushes;
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(task -> {
        var thread = new Thread(task, "rate-limit-flush");
        thread.setDaemon(true);
        return thread;
    });

    BatchedCounters(RedissonClient redis, RedisGuard guard, RateLimitProperties properties) {
        this.redis = redis;
        this.guard = guard;
        var every = properties.flushEvery().toNanos();
        flusher.scheduleWithFixedDelay(this::flushQuietly, every, every, TimeUnit.NANOSECONDS);
    }

    /**
     * Counts one request against each limit.
     *
     * @return how long until the client may try again; zero when the request is within every limit
     */
    Duration count(List<RequestCounters.Limit> limits, Duration window) {
        var now = System.nanoTime();
        var windowNanos = window.toNanos();
        long wait = 0;
        boolean over = false;
        var counted = new ArrayList<Counter>(limits.size());
        for (var limit : limits) {
            Counter counter;
            long estimate;
            do {
                counter = counters.computeIfAbsent(limit.key(), key -> new Counter(key, now, windowNanos, pending));
                estimate = counter.hit(now);
            } while (estimate < 0);
            counted.add(counter);
            wait = Math.max(wait, counter.refusedFor(now));
            over |= estimate > limit.max();
        }
        if (wait > 0 || !over) {
            return Duration.ofNanos(wait);
        }
        return confirm(limits, counted);
    }

    /** The shared counts of a request that looks over a limit, from Redis; this node's own counts if it is down. */
    private Duration confirm(List<RequestCounters.Limit> limits, List<Counter> counted) {
        try {
            add(counted);
        } catch (RedisUnavailableException e) {
            // already logged by the guard
        }
        // Measured after the call: Retry-After never exceeds what Redis said is left of the window.
        var now = System.nanoTime();
        long wait = 0;
        for (int i = 0; i < limits.size(); i++) {
            wait = Math.max(wait, counted.get(i).refuseIfOver(limits.get(i).max(), now));
        }
        return Duration.ofNanos(wait);
    }

    /**
     * Adds every counter's pending hits to Redis; now and then, counters whose window ended with nothing pending are
     * dropped.
     */
    void flush() {
        var batch = new ArrayList<Counter>(BATCH);
        for (Counter counter; (counter = pending.poll()) != null;) {
            batch.add(counter);
            if (batch.size() == BATCH) {
                add(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            add(batch);
        }
        if (++flushes % SWEEP_EVERY == 0) {
            var now = System.nanoTime();
            counters.values().removeIf(counter -> counter.retireIfEnded(now));
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RedisUnavailableException e) {
            // the guard logged it; the hits stay pending for the next flush
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again
            log.warn("Could not add the rate-limit counts to Redis", e);
        }
    }

    /** One script call for these counters; on failure their hits stay pending. */
    private void add(List<Counter> batch) {
        List<Object> keys = new ArrayList<>(batch.size());
        var args = new Object[batch.size() * 2];
        var deltas = new long[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            var counter = batch.get(i);
            deltas[i] = counter.take();
            keys.add(counter.key);
            args[2 * i] = Long.toString(deltas[i]);
            args[2 * i + 1] = Long.toString(TimeUnit.NANOSECONDS.toMillis(counter.windowNanos));
        }
        // The window's end counts from when the call left: Redis read the time left at some moment after that.
        var sentAt = System.nanoTime();
        List<Object> counts;
        try {
            counts = guard.call(() -> redis.getScript(StringCodec.INSTANCE)
                    .eval(RScript.Mode.READ_WRITE, ADD, RScript.ReturnType.MULTI, keys, args));
        } catch (RuntimeException e) {
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).failed(deltas[i]);
            }
            throw e;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).added(deltas[i], ((Number) counts.get(2 * i)).longValue(),
                    TimeUnit.MILLISECONDS.toNanos(((Number) counts.get(2 * i + 1)).longValue()), sentAt);
        }
    }

    @PreDestroy
    void stop() {
        flusher.shutdownNow();
        flushQuietly();
    }

    /** One counter as this node knows it. Its methods are short and synchronized: one client's requests contend. */
    static final class Counter {

        final String key;
        final long windowNanos;
        private final Queue<Counter> toSend;
        /** In {@link #toSend}: has hits to send, or is being sent. */
        private boolean queued;
        /** The count in Redis at the last call, this node's hits included. */
        private long shared;
        /** Hits on their way to Redis. */
        private long adding;
        /** Hits not sent yet. */
        private long pending;
        private long windowEnds;
        private long refusedUntil;
        private boolean refused;
        private boolean retired;

        Counter(String key, long now, long windowNanos, Queue<Counter> toSend) {
            this.key = key;
            this.windowNanos = windowNanos;
            this.windowEnds = now + windowNanos;
            this.toSend = toSend;
        }

        /** Counts a hit. @return the shared count as this node estimates it, or -1 once dropped from the map */
        synchronized long hit(long now) {
            if (retired) {
                return -1;
            }
            if (now - windowEnds >= 0) {
                // The window ended; hits not yet sent belong to it and are let go.
                shared = 0;
                pending = 0;
                refused = false;
                windowEnds = now + windowNanos;
            }
            pending++;
            queue();
            return shared + adding + pending;
        }

        private void queue() {
            if (!queued) {
                queued = true;
                toSend.add(this);
            }
        }

        /** Nanoseconds a confirmed refusal still lasts; 0 when there is none. */
        synchronized long refusedFor(long now) {
            return refused && now - refusedUntil < 0 ? refusedUntil - now : 0;
        }

        /** Refuses until the window ends when the count is over {@code max}. @return how long, 0 if not over */
        synchronized long refuseIfOver(int max, long now) {
            if (shared + adding + pending <= max || now - windowEnds >= 0) {
                return 0;
            }
            refused = true;
            refusedUntil = windowEnds;
            return windowEnds - now;
        }

        /** The hits to send now; the counter is queued again by its next hit. */
        synchronized long take() {
            queued = false;
            var taken = pending;
            adding += taken;
            pending = 0;
            return taken;
        }

        /**
         * The count Redis answered for {@code taken} hits. Two calls for one counter can answer out of order (the
         * flusher's and a confirming request's): a window's count only grows, so an answer below the count already
         * known is an older one and is not taken (it let a client past its limit). A new window starts from 0 here
         * ({@link #hit} resets it) before Redis answers a smaller count.
         */
        synchronized void added(long taken, long count, long remainingNanos, long now) {
            adding -= taken;
            if (count >= shared) {
                shared = count;
                windowEnds = now + remainingNanos;
            }
        }

        synchronized void failed(long taken) {
            adding -= taken;
            pending += taken;
            if (pending > 0) {
                queue();
            }
        }

        synchronized boolean retireIfEnded(long now) {
            retired = now - windowEnds >= 0 && pending == 0 && adding == 0 && !queued;
            return retired;
        }
    }
}
