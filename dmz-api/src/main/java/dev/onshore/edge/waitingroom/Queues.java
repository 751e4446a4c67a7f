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

    /**
     * KEYS: closed, clock. ARGV: sold out (1/0) as internal-was said it, when that answer was asked for (Redis ms),
     * expiry (epoch ms). Follows internal-was's count of units left: sold out closes the room (keeping the earliest
     * closing time); units left re-open a room closed before the question was asked (not one a checkout's answer
     * closed since) and restart admission at the rate from now, not in a burst for the time it was closed.
     * Returns 1 when closed, 2 when re-opened now, 0 when open.
     */
    private static final String FOLLOW = """
            local t = redis.call('TIME')
            local now = t[1] * 1000 + math.floor(t[2] / 1000)
            local closedAt = redis.call('GET', KEYS[1])
            if ARGV[1] == '1' then
              if not closedAt then redis.call('SET', KEYS[1], now, 'PXAT', ARGV[3]) end
              return 1
            end
            if closedAt and (tonumber(closedAt) or 0) < tonumber(ARGV[2]) then
              redis.call('DEL', KEYS[1])
              redis.call('SET', KEYS[2], now, 'PXAT', ARGV[3])
              return 2
            end
            if closedAt then return 1 end
            return 0
            """;

    /** KEYS: closed. ARGV: expiry (epoch ms). Closes the room, keeping the earliest closing time (Redis ms). */
    private static final String CLOSE = """
            local t = redis.call('TIME')
            redis.call('SET', KEYS[1], t[1] * 1000 + math.floor(t[2] / 1000), 'NX', 'PXAT', ARGV[1])
            return 1
            """;

    /** Redis's clock in epoch ms. */
    private static final String NOW = """
            local t = redis.call('TIME')
            return t[1] * 1000 + math.floor(t[2] / 1000)
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
     * KEYS: spent, held, closed, tried. ARGV: ticket, hold (ms). A checkout takes the pass: 1 when it is now held for
     * this checkout, -1 when it was spent before, 0 when the room is closed (sold out), -4 when another checkout holds
     * it. A pass whose earlier checkout failed before the edge learnt internal-was's decision ("tried") is held even in
     * a closed room: that checkout may have placed the order, and only internal-was can answer its retry (the same
     * order for the same Idempotency-Key, or sold out). The hold expires by itself, so a node that dies mid-checkout
     * never keeps a pass.
     */
    private static final String HOLD = """
            if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return -1 end
            if redis.call('EXISTS', KEYS[3]) == 1 and redis.call('SISMEMBER', KEYS[4], ARGV[1]) == 0 then return 0 end
            if not redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[2]) then return -4 end
            return 1
            """;

    /** KEYS: spent, held. ARGV: ticket, expiry (epoch ms). internal-was decided: the pass is spent for good. */
    private static final String SPEND = """
            redis.call('SADD', KEYS[1], ARGV[1])
            redis.call('PEXPIREAT', KEYS[1], ARGV[2])
            redis.call('DEL', KEYS[2])
            return 1
            """;

    /** KEYS: held, tried. ARGV: ticket, expiry (epoch ms). The checkout failed before internal-was decided. */
    private static final String GIVE_BACK = """
            redis.call('SADD', KEYS[2], ARGV[1])
            redis.call('PEXPIREAT', KEYS[2], ARGV[2])
            redis.call('DEL', KEYS[1])
            return 1
            """;

    private static final Duration KEEP_AFTER_END = Duration.ofDays(1);

    private final RedissonClient redis;
    private final RedisGuard guard;

    Queues(RedissonClient redis, RedisGuard guard) {
        this.redis = redis;
        this.guard = guard;
    }

    /** Redis's clock (epoch ms): when the feed asks internal-was, so that {@link #follow} can tell older news. */
    long now() {
        return eval(NOW, RScript.ReturnType.INTEGER, List.of());
    }

    /**
     * Follows what internal-was said about the deal at {@code askedAt} (Redis ms, {@link #now()}): sold out closes
     * the room, units left re-open it unless a checkout's answer closed it after that.
     *
     * @return whether the room re-opened now
     */
    boolean follow(HotDeal deal, long askedAt) {
        long state = eval(FOLLOW, RScript.ReturnType.INTEGER, List.of(key(deal, "closed"), key(deal, "clock")),
                deal.soldOut() ? "1" : "0", Long.toString(askedAt), expiry(deal));
        return state == 2;
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

    /** A checkout takes the pass for at most {@code hold}; settle it with {@link #spend} or {@link #giveBack}. */
    Holding hold(HotDeal deal, long ticket, Duration hold) {
        long result = eval(HOLD, RScript.ReturnType.INTEGER, List.of(key(deal, "spent"), held(deal, ticket),
                key(deal, "closed"), key(deal, "tried")), Long.toString(ticket), Long.toString(hold.toMillis()));
        return switch ((int) result) {
            case 1 -> Holding.HELD;
            case -1 -> Holding.SPENT_BEFORE;
            case 0 -> Holding.SOLD_OUT;
            default -> Holding.IN_USE;
        };
    }

    /** internal-was decided on the checkout (an order, or a refusal of the purchase): the pass is used up. */
    void spend(HotDeal deal, long ticket) {
        eval(SPEND, RScript.ReturnType.INTEGER, List.of(key(deal, "spent"), held(deal, ticket)),
                Long.toString(ticket), expiry(deal));
    }

    /**
     * The checkout failed before internal-was decided: the pass may be used again, also once the room has closed (its
     * order may exist; see {@link #HOLD}).
     */
    void giveBack(HotDeal deal, long ticket) {
        eval(GIVE_BACK, RScript.ReturnType.INTEGER, List.of(held(deal, ticket), key(deal, "tried")),
                Long.toString(ticket), expiry(deal));
    }

    /** internal-was said the deal is sold out: nobody else is admitted until it says units are back. */
    void close(HotDeal deal) {
        eval(CLOSE, RScript.ReturnType.INTEGER, List.of(key(deal, "closed")), expiry(deal));
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

    private static String held(HotDeal deal, long ticket) {
        return key(deal, "held:" + ticket);
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

    enum Holding {
        /** held for this checkout */
        HELD,
        /** spent by an earlier checkout */
        SPENT_BEFORE,
        /** the room is closed: sold out */
        SOLD_OUT,
        /** another checkout holds it now */
        IN_USE
    }
}
