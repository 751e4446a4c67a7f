package dev.onshore.edge.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Production's Redis: a primary, a replica and three Sentinels (real redis-server processes), each defining the
 * edge's own ACL user as production does. The gateway, as that user, finds the primary through the Sentinels and,
 * when the primary dies and the Sentinels promote the replica, counts on the new primary without a restart;
 * meanwhile login, which fails closed, is refused rather than let through uncounted.
 */
class SentinelFailoverIntegrationTests {

    private static final String MASTER = "onshore-edge";
    private static final String SENTINEL_PASSWORD = "test-sentinel-password-4567";
    private static final String LOGIN = "/realms/shoppers/protocol/openid-connect/auth?client_id=x";

    private static final List<RedisProcess> sentinels = new ArrayList<>();
    private static RedisProcess primary;
    private static RedisProcess replica;
    private static HttpServer upstream;
    private static Gateway gateway;
    private static Path directory;

    @BeforeAll
    static void start() throws IOException {
        directory = Files.createTempDirectory("sentinels");
        var edgeUser = List.of("user " + EdgeAclIntegrationTests.EDGE + " " + EdgeAclIntegrationTests.REDIS_RULES
                + " >" + EdgeAclIntegrationTests.EDGE_PASSWORD);
        primary = RedisProcess.start(edgeUser);
        replica = RedisProcess.replicaOf(primary, edgeUser);
        waitFor("the replica's link to the primary", () -> replica.reply("INFO", "replication").toString()
                .contains("master_link_status:up"));
        for (int i = 0; i < 3; i++) {
            sentinels.add(RedisProcess.sentinel(MASTER, primary, SENTINEL_PASSWORD, directory, 2,
                    List.of("user " + EdgeAclIntegrationTests.EDGE + " " + EdgeAclIntegrationTests.SENTINEL_RULES
                            + " >" + EdgeAclIntegrationTests.EDGE_PASSWORD)));
        }
        // A failover needs a majority that knows each other and the replica: wait for both, not for a clock.
        waitFor("three Sentinels that know each other and the replica", () -> sentinels.stream().allMatch(sentinel ->
                sentinel.command("SENTINEL", "ckquorum", MASTER).startsWith("+OK 3 usable Sentinels")
                        && sentinel.command("SENTINEL", "replicas", MASTER).equals("*1")));
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        upstream.start();
        var nodes = String.join(",", sentinels.stream().map(sentinel -> "127.0.0.1:" + sentinel.port()).toList());
        gateway = Gateway.start(primary, "http://127.0.0.1:" + upstream.getAddress().getPort(), Map.ofEntries(
                // Nothing listens here: the gateway must ask the Sentinels, not this address.
                Map.entry("spring.data.redis.port", "1"),
                Map.entry("spring.data.redis.sentinel.master", MASTER),
                Map.entry("spring.data.redis.sentinel.nodes", nodes),
                Map.entry("spring.data.redis.username", EdgeAclIntegrationTests.EDGE),
                Map.entry("spring.data.redis.password", EdgeAclIntegrationTests.EDGE_PASSWORD),
                Map.entry("spring.data.redis.sentinel.username", EdgeAclIntegrationTests.EDGE),
                Map.entry("spring.data.redis.sentinel.password", EdgeAclIntegrationTests.EDGE_PASSWORD),
                Map.entry("onshore.waiting-room.enabled", "false"),
                Map.entry("onshore.rate-limits.classes[0].name", "login"),
                Map.entry("onshore.rate-limits.classes[0].paths", "/realms/shoppers/protocol/openid-connect/auth"),
                Map.entry("onshore.rate-limits.classes[0].per-ip", "3"),
                Map.entry("onshore.rate-limits.classes[0].per-shopper", "0"),
                Map.entry("onshore.rate-limits.classes[0].window", "1m"),
                Map.entry("onshore.rate-limits.classes[0].when-redis-is-down", "closed")));
    }

    @AfterAll
    static void stop() throws IOException {
        if (gateway != null) {
            gateway.close();
        }
        if (upstream != null) {
            upstream.stop(0);
        }
        sentinels.forEach(RedisProcess::stop);
        for (var redis : new RedisProcess[] {replica, primary}) {
            if (redis != null) {
                redis.stop();
            }
        }
        if (directory != null) {
            try (var files = Files.list(directory)) {
                for (var file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(directory);
        }
    }

    private static int login(String client) {
        return gateway.get(LOGIN, "X-Forwarded-For", client).statusCode();
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // a server still starting or just gone: ask again
            }
            sleep(100);
        }
        throw new AssertionError("waited 60 s for " + what);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theGatewayFollowsTheSentinelsToANewPrimaryAndKeepsCounting() {
        for (int i = 0; i < 3; i++) {
            assertThat(login("203.0.113.31")).isEqualTo(200);
        }
        assertThat(login("203.0.113.31")).isEqualTo(429);
        assertThat(primary.command("EXISTS", "rl:login:ip:203.0.113.31")).isEqualTo(":1");

        var killed = System.nanoTime();
        primary.stop();
        waitFor("the Sentinels to promote the replica", () -> sentinels.getFirst()
                .reply("SENTINEL", "get-master-addr-by-name", MASTER)
                .equals(List.of("127.0.0.1", Integer.toString(replica.port()))));
        var promoted = System.nanoTime();
        // Until the gateway reaches the new primary, login fails closed (503), never open (200 uncounted).
        var statuses = new ArrayList<Integer>();
        waitFor("the gateway to count on the new primary", () -> {
            var status = login("203.0.113.32");
            statuses.add(status);
            return status == 200;
        });
        var counting = System.nanoTime();
        System.out.printf("Sentinel failover: promoted %d ms after the primary died; the gateway counted again "
                + "%d ms later; answers meanwhile: %s%n", (promoted - killed) / 1_000_000,
                (counting - promoted) / 1_000_000, statuses);

        assertThat(statuses.subList(0, statuses.size() - 1)).allMatch(status -> status == 503);
        assertThat(login("203.0.113.32")).isEqualTo(200);
        assertThat(login("203.0.113.32")).isEqualTo(200);
        assertThat(login("203.0.113.32")).isEqualTo(429);
        assertThat(replica.command("ROLE")).isEqualTo("*3");
        assertThat(replica.reply("ROLE").toString()).startsWith("[master");
        assertThat(replica.command("EXISTS", "rl:login:ip:203.0.113.32")).isEqualTo(":1");
        for (var sentinel : sentinels) {
            assertThat(sentinel.reply("ACL", "LOG").toString()).as("nothing the edge asked a Sentinel was refused")
                    .doesNotContain("username");
        }
        assertThat(replica.reply("ACL", "LOG").toString()).as("nothing the edge sent the new primary was refused")
                .doesNotContain("username");
    }
}
