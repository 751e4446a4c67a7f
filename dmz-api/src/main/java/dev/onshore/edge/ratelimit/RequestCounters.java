package dev.onshore.edge.ratelimit;

import dev.onshore.edge.redis.RedisGuard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Fixed-window request counters in Redis: one script call counts a request against all its keys at once and answers
 * how long the client must wait (0 when every counter is within its limit).
 */
@Component
class RequestCounters {

    /**
     * KEYS: counters; ARGV[1]: window in ms, ARGV[2..]: the limit of each key. Returns the longest remaining window
     * (ms) among the counters over their limit, or 0. A key whose expiry got lost (PTTL -1) gets one again.
     */
    private static final String COUNT = """
            local wait = 0
            for i, key in ipairs(KEYS) do
              local n = redis.call('INCR', key)
              local ttl = redis.call('PTTL', key)
              if n == 1 or ttl < 0 then
                redis.call('PEXPIRE', key, ARGV[1])
                ttl = tonumber(ARGV[1])
              end
              if n > tonumber(ARGV[i + 1]) and ttl > wait then
                wait = ttl
              end
            end
            return wait
            """;

    private final RedissonClient redis;
    private final RedisGuard guard;

    RequestCounters(RedissonClient redis, RedisGuard guard) {
        this.redis = redis;
        this.guard = guard;
    }

    /**
     * Counts one request against each key.
     *
     * @return how long until the client may try again; zero when the request is within every limit
     * @throws dev.onshore.edge.redis.RedisUnavailableException when Redis cannot count it
     */
    Duration count(List<Limit> limits, Duration window) {
        if (limits.isEmpty()) {
            return Duration.ZERO;
        }
        List<Object> keys = new ArrayList<>();
        var args = new ArrayList<Object>();
        args.add(Long.toString(window.toMillis()));
        for (var limit : limits) {
            keys.add(limit.key());
            args.add(Integer.toString(limit.max()));
        }
        Long wait = guard.call(() -> redis.getScript(StringCodec.INSTANCE)
                .eval(RScript.Mode.READ_WRITE, COUNT, RScript.ReturnType.INTEGER, keys, args.toArray()));
        return Duration.ofMillis(wait == null ? 0 : wait);
    }

    /** A counter's key and how many requests it allows per window. */
    record Limit(String key, int max) {
    }
}
