package dev.onshore.edge.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.edge.Upstream;
import dev.onshore.edge.redis.Await;
import dev.onshore.edge.redis.Gateway;
import dev.onshore.edge.redis.RateLimitClass;
import dev.onshore.edge.redis.RedisProcess;
import dev.onshore.edge.redis.StartedServers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The classes that fail open, counted by each node and shared through Redis in batches ({@link BatchedCounters}):
 * two gateway nodes on one real redis-server, flushing every 100 ms. Each test speaks for its own client addresses.
 */
class BatchedRateLimitsIntegrationTests {

    private static final int LIMIT = 10;
    private static final String PAGE = "/en-us/p/VITC-1000";
    private static final String LOGIN = "/realms/shoppers/protocol/openid-connect/auth?client_id=x";
    private static final Pattern EVAL_CALLS = Pattern.compile("cmdstat_eval(?:sha)?:calls=(\\d+)");

    @AutoClose
    private static final StartedServers servers = new StartedServers();
    private static RedisProcess redis;
    private static Gateway a;
    private static Gateway b;

    @BeforeAll
    static void start() {
        redis = servers.add(RedisProcess.start());
        var upstream = servers.add(Upstream.start(exchange -> Upstream.answer(exchange, 200, "upstream")));
        var settings = RateLimitClass.properties(Map.of("onshore.waiting-room.enabled", "false",
                "onshore.rate-limits.flush-every", "100ms"), RateLimitClass.LOGIN,
                new RateLimitClass("pages", "/**", LIMIT, 0, "open"));
        a = servers.add(Gateway.start(redis, upstream.url(), settings));
        b = servers.add(Gateway.start(redis, upstream.url(), settings));
    }

    private static int page(Gateway node, String client) {
        return node.get(PAGE, "X-Forwarded-For", client).statusCode();
    }

    private static String count(String client) {
        return redis.reply("GET", "rl:pages:ip:" + client).toString();
    }

    @Test
    void pageViewsCostNoRedisCallEach() throws Exception {
        var before = evalCalls();
        try (var shoppers = Executors.newVirtualThreadPerTaskExecutor()) {
            var views = IntStream.range(0, 60).mapToObj(i -> shoppers.submit(() -> page(a, "203.0.113." + (100 + i))))
                    .toList();
            for (var view : views) {
                assertThat(view.get()).isEqualTo(200);
            }
        }
        waitFor("every address's view in Redis", () -> IntStream.range(0, 60)
                .allMatch(i -> count("203.0.113." + (100 + i)).equals("1")));

        // 60 views from 60 addresses at once took a few batches (one a flush interval), not a call each.
        assertThat(evalCalls() - before).isLessThan(30);
    }

    @Test
    void oneNodeAloneRefusesTheFirstRequestOverTheLimitAndSaysSoInRedis() {
        for (int i = 0; i < LIMIT; i++) {
            assertThat(page(a, "203.0.113.11")).isEqualTo(200);
        }

        var refused = a.get(PAGE, "X-Forwarded-For", "203.0.113.11", "Accept", "application/json");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(refused.body()).contains("https://onshore.dev/problems/rate-limited");
        // The refusal was confirmed with Redis, which holds every hit once the flush that may have been on its way
        // at the same time has landed too (the confirming call can reach Redis before it: the count it answered
        // then lacked those hits, and the node added them itself).
        waitFor("every hit in Redis", () -> count("203.0.113.11").equals(Integer.toString(LIMIT + 1)));
        assertThat(page(a, "203.0.113.11")).isEqualTo(429);
    }

    @Test
    void countsAreSharedBetweenNodes() {
        for (int i = 0; i < 6; i++) {
            assertThat(page(a, "203.0.113.21")).isEqualTo(200);
        }
        waitFor("node a's six views in Redis", () -> count("203.0.113.21").equals("6"));
        for (int i = 0; i < 4; i++) {
            assertThat(page(b, "203.0.113.21")).as("view %d on node b", i + 1).isEqualTo(200);
        }
        waitFor("node b's four views in Redis", () -> count("203.0.113.21").equals("10"));

        // Node b saw four views itself, and still refuses the eleventh.
        assertThat(page(b, "203.0.113.21")).isEqualTo(429);
        // Node a learns the shared count at its next flush (the documented tolerance: one interval's views).
        page(a, "203.0.113.21");
        waitFor("node a refusing too", () -> page(a, "203.0.113.21") == 429);
    }

    @Test
    void aBurstAcrossTwoNodesIsRefusedWithinTheTolerance() {
        int admitted = 0;
        for (int i = 0; i < 4 * LIMIT; i++) {
            if (page(i % 2 == 0 ? a : b, "203.0.113.31") == 200) {
                admitted++;
            }
        }

        // At least the limit; at most the limit plus what the other node let through before its next flush, and
        // never more than two nodes' limits.
        assertThat(admitted).isBetween(LIMIT, 2 * LIMIT);
        sleep(300);
        assertThat(page(a, "203.0.113.31")).isEqualTo(429);
        assertThat(page(b, "203.0.113.31")).isEqualTo(429);
    }

    @Test
    void whileRedisIsDownBrowsingIsServedOnTheNodesOwnCountsAndLoginIsRefused() throws Exception {
        redis.stop();
        try {
            for (int i = 0; i < LIMIT; i++) {
                assertThat(page(a, "203.0.113.41")).as("view %d", i + 1).isEqualTo(200);
            }
            assertThat(page(a, "203.0.113.41")).as("over the limit on this node's own count").isEqualTo(429);
            var login = a.get(LOGIN, "X-Forwarded-For", "203.0.113.42", "Accept", "application/json");
            assertThat(login.statusCode()).isEqualTo(503);
            assertThat(login.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(login.body()).contains("https://onshore.dev/problems/temporarily-unavailable");
            assertThat(page(b, "203.0.113.43")).isEqualTo(200);
        } finally {
            redis.startAgain();
        }
        // Back: the views counted meanwhile reach Redis, and login is counted again.
        waitFor("the view counted during the outage in Redis", () -> count("203.0.113.43").equals("1"));
        waitFor("login counted again", () -> a.get(LOGIN, "X-Forwarded-For", "203.0.113.44").statusCode() == 200);
        assertThat(redis.command("EXISTS", "rl:login:ip:203.0.113.44")).isEqualTo(":1");
    }

    private static long evalCalls() {
        var stats = redis.reply("INFO", "commandstats").toString();
        long calls = 0;
        for (var matcher = EVAL_CALLS.matcher(stats); matcher.find();) {
            calls += Long.parseLong(matcher.group(1));
        }
        return calls;
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        Await.until(what, Duration.ofSeconds(15), condition);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
