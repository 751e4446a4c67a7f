package dev.onshore.edge.waitingroom;

import dev.onshore.edge.redis.RedisGuard;
import java.time.Duration;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * The deals' queues in Redis, one Lua script per operation so that every gateway node sees one order. Keys share
 * the deal's hash tag ({@code wr:{deal}:...}), so each script stays on one slot should Redis become a cluster.
 * Time is Redis's own ({@code TIME}): the nodes' clocks never decide who is admitted.
 */
@Component
class Queues {

    /** KEYS: units, expiry guard. ARGV: units, expiry (epoch ms). Sets the units once per deal. */
    private static final String PREPARE = """
            redis.call('SET', KEYS[1], ARGV[1], 'NX')
            redis.call('PEXPIREAT', KEYS[1], ARGV[2])
            return 1
            """;

    /**
     * KEYS: seq, admitted, clock, per-address count, closed. ARGV: tickets per address, expiry (epoch ms).
     * Returns the new ticket's number, -1 when the address has too many, -2 when the room is closed.
     */
    private static final String TAKE = """
            if redis.call('EXISTS', KEYS[5]) == 1 then return -2 end
            local mine = redis.call('INCR', KEYS[4])
            redis.call('PEXPIREAT', KEYS[4], ARGV[2])
            if mine > tonumber(ARGV[1]) then
              redis.call('DECR', KEYS[4])
              return -1
            end
            local seq = tonumber(redis.call('GET', KEYS[1]) or '0')
            local admitted = tonumber(redis.call('GET', KEYS[2]) or '0')
            if admitted >= seq then
              -- an empty queue builds up no admissions: the rate counts from the first one waiting
              local t = redis.call('TIME')
              redis.call('SET', KEYS[3], t[1] * 1000 + math.floor(t[2] / 1000), 'PXAT', ARGV[2])
            end
            local ticket = redis.call('INCR', KEYS[1])
            redis.call('PEXPIREAT', KEYS[1], ARGV[2])
            return ticket
            """;

    /**
     * KEYS: seq, admitted, clock, closed. ARGV: admissions per minute, start (epoch ms), expiry (epoch ms).
     * Admits the tickets due since the clock and returns {admitted, last ticket, closed}.
     */
    private static final String ADVANCE = """
            local seq = tonumber(redis.call('GET', KEYS[1]) or '0')
            local admitted = tonumber(redis.call('GET', KEYS[2]) or '0')
            local closed = redis.call('EXISTS', KEYS[4])
            local t = redis.call('TIME')
            local now = t[1] * 1000 + math.floor(t[2] / 1000)
            local start = tonumber(ARGV[2])
            if closed == 0 and now >= start then
              if admitted >= seq then
                redis.call('SET', KEYS[3], now, 'PXAT', ARGV[3])
              else
                local rate = tonumber(ARGV[1])
                local from = math.max(tonumber(redis.call('GET', KEYS[3]) or '0'), start)
                local due = math.floor((now - from) * rate / 60000)
                if due > 0 then
                  local next = math.min(seq, admitted + due)
                  local clock = from + math.floor((next - admitted) * 60000 / rate)
                  admitted = next
                  redis.call('SET', KEYS[2], admitted, 'PXAT', ARGV[3])
                  if admitted >= seq then clock = now end
                  redis.call('SET', KEYS[3], clock, 'PXAT', ARGV[3])
                end
              end
            end
            return {admitted, seq, closed}
            """;

    /**
     * KEYS: spent, units, closed. ARGV: ticket, expiry (epoch ms). Returns 1 when the pass is spent on one unit now,
     * -1 when it was spent before, 0 when no unit is left (and closes the room), -3 when the deal's units are unknown.
     */
    private static final String SPEND = """
            if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return -1 end
            local units = redis.call('GET', KEYS[2])
            if not units then return -3 end
            if tonumber(units) <= 0 then
              redis.call('SET', KEYS[3], '1', 'PXAT', ARGV[2])
              return 0
            end
            local left = redis.call('DECR', KEYS[2])
            redis.call('SADD', KEYS[1], ARGV[1])
            redis.call('PEXPIREAT', KEYS[1], ARGV[2])
            if left <= 0 then redis.call('SET', KEYS[3], '1', 'PXAT', ARGV[2]) end
            return 1
            """;

    private static final Duration KEEP_AFTER_END = Duration.ofDays(1);

    private final RedissonClient redis;
    private final RedisGuard guard;

    Queues(RedissonClient redis, RedisGuard guard) {
        this.redis = redis;
        this.guard = guard;
    }

    void prepare(HotDeal deal) {
        eval(PREPARE, RScript.ReturnType.INTEGER, List.of(key(deal, "units")), Integer.toString(deal.units()),
                expiry(deal));
        if (deal.soldOut()) {
            close(deal);
        }
    }

    /** @return the new ticket's number; -1 when the address holds too many; -2 when the room is closed */
    long take(HotDeal deal, String client, int perAddress) {
        return eval(TAKE, RScript.ReturnType.INTEGER, List.of(key(deal, "seq"), key(deal, "admitted"),
                key(deal, "clock"), key(deal, "addr:" + client), key(deal, "closed")), Integer.toString(perAddress),
                expiry(deal));
    }

    /** Admits what is due and tells where the queue stands. */
    Standing advance(HotDeal deal) {
        List<Object> result = eval(ADVANCE, RScript.ReturnType.MULTI, List.of(key(deal, "seq"),
                key(deal, "admitted"), key(deal, "clock"), key(deal, "closed")),
                Integer.toString(deal.admissionsPerMinute()), Long.toString(deal.startsAt().toEpochMilli()),
                expiry(deal));
        return new Standing(((Number) result.get(0)).longValue(), ((Number) result.get(1)).longValue(),
                ((Number) result.get(2)).longValue() == 1);
    }

    Spending spend(HotDeal deal, long ticket) {
        long result = eval(SPEND, RScript.ReturnType.INTEGER, List.of(key(deal, "spent"), key(deal, "units"),
                key(deal, "closed")), Long.toString(ticket), expiry(deal));
        return switch ((int) result) {
            case 1 -> Spending.SPENT;
            case -1 -> Spending.REPLAYED;
            case 0 -> Spending.SOLD_OUT;
            default -> Spending.UNKNOWN;
        };
    }

    void close(HotDeal deal) {
        guard.call(() -> {
            redis.getBucket(key(deal, "closed"), StringCodec.INSTANCE).set("1");
            return redis.getBucket(key(deal, "closed"), StringCodec.INSTANCE)
                    .expire(deal.endsAt().plus(KEEP_AFTER_END));
        });
    }

    private <T> T eval(String script, RScript.ReturnType type, List<Object> keys, String... args) {
        return guard.call(() -> redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, script, type,
                keys, (Object[]) args));
    }

    private static String expiry(HotDeal deal) {
        return Long.toString(deal.endsAt().plus(KEEP_AFTER_END).toEpochMilli());
    }

    private static String key(HotDeal deal, String name) {
        return "wr:{" + deal.id() + "}:" + name;
    }

    /**
     * @param admitted tickets up to this number are admitted
     * @param last the last ticket handed out
     * @param closed the deal is sold out
     */
    record Standing(long admitted, long last, boolean closed) {

        /** How many are ahead of {@code ticket}, itself included; 0 when it is admitted. */
        long position(long ticket) {
            return Math.max(0, ticket - admitted);
        }
    }

    enum Spending {
        SPENT, REPLAYED, SOLD_OUT, UNKNOWN
    }
}
