package dev.onshore.edge.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.edge.Upstream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Production's Redis: a primary, a replica and three Sentinels (real redis-server processes), each defining the
 * edge's own ACL user as production does. The gateway, as that user, finds the primary through the Sentinels and,
 * when the primary dies and the Sentinels promote the replica, counts on the new primary without a restart;
 * meanwhile login, which fails closed, is refused rather than let through uncounted.
 */
class SentinelFailoverIntegrationTests {

    private static final String MASTER = EdgeAclIntegrationTests.MASTER;
    private static final String LOGIN = "/realms/shoppers/protocol/openid-connect/auth?client_id=x";

    @TempDir
    static Path directory;
    @AutoClose
    private static final StartedServers servers = new StartedServers();
    private static final List<RedisProcess> sentinels = new ArrayList<>();
    private static RedisProcess primary;
    private static RedisProcess replica;
    private static Gateway gateway;

    @BeforeAll
    static void start() {
        var edgeUser = List.of(EdgeAclIntegrationTests.edgeUser(EdgeAclIntegrationTests.REDIS_RULES));
        primary = servers.add(RedisProcess.start(edgeUser));
        replica = servers.add(RedisProcess.replicaOf(primary, edgeUser));
        waitFor("the replica's link to the primary", () -> replica.reply("INFO", "replication").toString()
                .contains("master_link_status:up"));
        for (int i = 0; i < 3; i++) {
            sentinels.add(servers.add(RedisProcess.sentinel(MASTER, primary,
                    EdgeAclIntegrationTests.SENTINEL_PASSWORD, directory, 2,
                    List.of(EdgeAclIntegrationTests.edgeUser(EdgeAclIntegrationTests.SENTINEL_RULES)))));
        }
        // A failover needs a majority that knows each other and the replica: wait for both, not for a clock.
        waitFor("three Sentinels that know each other and the replica", () -> sentinels.stream().allMatch(sentinel ->
                sentinel.command("SENTINEL", "ckquorum", MASTER).startsWith("+OK 3 usable Sentinels")
                        && sentinel.command("SENTINEL", "replicas", MASTER).equals("*1")));
        var upstream = servers.add(Upstream.start(exchange -> Upstream.answer(exchange, 200, "")));
        var nodes = String.join(",", sentinels.stream().map(sentinel -> "127.0.0.1:" + sentinel.port()).toList());
        gateway = servers.add(EdgeAclIntegrationTests.startEdgeGateway(primary, nodes, upstream.url(),
                Map.of("onshore.waiting-room.enabled", "false"), RateLimitClass.LOGIN));
    }

    private static int login(String client) {
        return gateway.get(LOGIN, "X-Forwarded-For", client).statusCode();
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        Await.until(what, Duration.ofSeconds(60), Await.tolerating(condition));
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
