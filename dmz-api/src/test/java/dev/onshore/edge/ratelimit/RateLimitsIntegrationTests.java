package dev.onshore.edge.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.edge.Upstream;
import dev.onshore.edge.redis.Await;
import dev.onshore.edge.redis.Gateway;
import dev.onshore.edge.redis.RateLimitClass;
import dev.onshore.edge.redis.RedisProcess;
import dev.onshore.edge.redis.StartedServers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rate limits through a real gateway against a real redis-server. Each test speaks for its own client addresses
 * (X-Forwarded-For from the trusted local hop), so counters never leak between tests.
 */
class RateLimitsIntegrationTests {

    @AutoClose
    private static final StartedServers servers = new StartedServers();
    private static RedisProcess redis;
    private static Gateway gateway;

    @BeforeAll
    static void start() {
        redis = servers.add(RedisProcess.start());
        var upstream = servers.add(Upstream.start(exchange -> Upstream.answer(exchange, 200, "upstream")));
        gateway = servers.add(Gateway.start(redis, upstream.url(), RateLimitClass.properties(
                Map.of("onshore.waiting-room.enabled", "false"), RateLimitClass.LOGIN,
                new RateLimitClass("search", "/*/search", 5, 3, "open"),
                new RateLimitClass("pages", "/**", 1000, 0, null))));
    }

    private static HttpResponse<String> from(String client, String path, String... headers) {
        var all = new String[headers.length + 2];
        all[0] = "X-Forwarded-For";
        all[1] = client;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return gateway.get(path, all);
    }

    @Test
    void searchesBeyondTheLimitFromOneAddressAreRefusedWith429AndRetryAfter() {
        for (int i = 0; i < 5; i++) {
            assertThat(from("203.0.113.1", "/en-us/search?q=ginseng").statusCode()).isEqualTo(200);
        }

        var refused = from("203.0.113.1", "/en-us/search?q=ginseng", "Accept", "application/json");

        assertThat(refused.statusCode()).isEqualTo(429);
        var retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"type\":\"https://onshore.dev/problems/rate-limited\"")
                .contains("\"status\":429").contains("Too many requests");
        assertThat(redis.command("GET", "rl:search:ip:203.0.113.1")).isEqualTo("$1");
        // other pages of the same address are another class, not refused
        assertThat(from("203.0.113.1", "/en-us/").statusCode()).isEqualTo(200);
    }

    @Test
    void anotherAddressIsNotLimitedBySomeoneElsesSearches() {
        for (int i = 0; i < 6; i++) {
            from("203.0.113.2", "/en-us/search?q=x");
        }

        assertThat(from("203.0.113.3", "/en-us/search?q=x").statusCode()).isEqualTo(200);
    }

    @Test
    void oneShopperIsLimitedAcrossAddresses() {
        var token = "Bearer shopper-token-" + Instant.now().toEpochMilli();
        for (int i = 0; i < 3; i++) {
            assertThat(from("198.51.100." + (10 + i), "/en-us/search?q=x", "Authorization", token).statusCode())
                    .isEqualTo(200);
        }

        assertThat(from("198.51.100.20", "/en-us/search?q=x", "Authorization", token).statusCode()).isEqualTo(429);
        assertThat(from("198.51.100.20", "/en-us/search?q=x", "Authorization", "Bearer someone-else").statusCode())
                .isEqualTo(200);
    }

    @Test
    void theRefusalIsInTheShoppersLanguageAsAProblemOrAPage() {
        for (int i = 0; i < 5; i++) {
            from("203.0.113.4", "/id-id/search?q=x");
        }

        var problem = from("203.0.113.4", "/id-id/search?q=x", "Accept", "application/json");
        var page = from("203.0.113.4", "/ko-kr/search?q=x", "Accept", "text/html");

        assertThat(problem.statusCode()).isEqualTo(429);
        assertThat(problem.body()).contains("Terlalu banyak permintaan");
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"ko-KR\"").contains("요청이 너무 많습니다");
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void loginAttemptsAreLimitedPerAddress() {
        for (int i = 0; i < 3; i++) {
            assertThat(from("203.0.113.5", "/realms/shoppers/protocol/openid-connect/auth?client_id=x").statusCode())
                    .isEqualTo(200);
        }

        assertThat(from("203.0.113.5", "/realms/shoppers/protocol/openid-connect/auth?client_id=x").statusCode())
                .isEqualTo(429);
    }

    @Test
    void whileRedisIsDownBrowsingFailsOpenAndLoginFailsClosed() throws Exception {
        redis.stop();
        try {
            var search = from("203.0.113.6", "/en-us/search?q=x");
            var login = from("203.0.113.6", "/realms/shoppers/protocol/openid-connect/auth?client_id=x");
            var loginAgain = from("203.0.113.6", "/realms/shoppers/protocol/openid-connect/auth?client_id=x",
                    "Accept", "application/json");
            var searchAgain = from("203.0.113.6", "/en-us/search?q=x");

            assertThat(search.statusCode()).isEqualTo(200);
            assertThat(searchAgain.statusCode()).isEqualTo(200);
            assertThat(login.statusCode()).isEqualTo(503);
            assertThat(loginAgain.statusCode()).isEqualTo(503);
            assertThat(loginAgain.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(loginAgain.body()).contains("https://onshore.dev/problems/temporarily-unavailable");
        } finally {
            redis.startAgain();
        }
        // Redis is back: login is counted (and allowed) again.
        Await.until("login counted again", Duration.ofSeconds(20), () -> from("203.0.113.7",
                "/realms/shoppers/protocol/openid-connect/auth?client_id=x").statusCode() == 200);
        assertThat(redis.command("EXISTS", "rl:login:ip:203.0.113.7")).isEqualTo(":1");
    }
}
