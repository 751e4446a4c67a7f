package dev.onshore.edge.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.edge.Upstream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edge as production runs it: its own ACL user on Redis and on the Sentinel (as devstack's redis.conf and the
 * Ansible redis role define it), never the default user. The gateway finds the primary through the Sentinel, counts
 * rate limits and hands out waiting-room tickets and passes as that user; the same user is refused every command a
 * compromised DMZ host could harm the data tier with, and every key outside the edge's prefixes.
 */
class EdgeAclIntegrationTests {

    static final String EDGE = "edge";
    static final String EDGE_PASSWORD = "test-edge-password-89ab";
    static final String SENTINEL_PASSWORD = "test-sentinel-password-4567";
    static final String MASTER = "onshore-edge";
    private static final String LOGIN = "/realms/shoppers/protocol/openid-connect/auth?client_id=x";

    /**
     * The edge's rights on Redis, word for word those of devstack (Appliance) and the Ansible redis role
     * (redis.conf.j2): its key prefixes, no channel, and only the commands the rate limits' and the waiting room's
     * scripts and Redisson's connections use.
     */
    static final String REDIS_RULES = "on resetkeys ~rl:* ~wr:* resetchannels -@all +ping +client|setname "
            + "+eval +evalsha +script|load +del +exists +get +set +incr +decr +pexpire +pexpireat +pttl +sismember +sadd +time";

    /** The edge's rights on a Sentinel, as sentinel.conf.j2 gives them: discovering the primary, nothing else. */
    static final String SENTINEL_RULES = "on resetkeys resetchannels -@all +ping +client|setname "
            + "+sentinel|get-master-addr-by-name +sentinel|sentinels +sentinel|replicas +sentinel|slaves";

    @TempDir
    static Path directory;
    @AutoClose
    private static final StartedServers servers = new StartedServers();
    private static RedisProcess primary;
    private static RedisProcess sentinel;
    private static Gateway gateway;

    /** The edge's user as a redis.conf line, with {@code rules} (the data tier's or a Sentinel's). */
    static String edgeUser(String rules) {
        return "user " + EDGE + " " + rules + " >" + EDGE_PASSWORD;
    }

    /** A gateway node that finds the primary through {@code sentinelNodes} and speaks to both as the edge user. */
    static Gateway startEdgeGateway(RedisProcess primary, String sentinelNodes, String upstreamUrl,
            Map<String, ?> others, RateLimitClass... classes) {
        var properties = new LinkedHashMap<String, Object>(Map.of(
                // Nothing listens here: the gateway must ask the Sentinels, not this address.
                "spring.data.redis.port", "1",
                "spring.data.redis.username", EDGE,
                "spring.data.redis.password", EDGE_PASSWORD,
                "spring.data.redis.sentinel.master", MASTER,
                "spring.data.redis.sentinel.nodes", sentinelNodes,
                "spring.data.redis.sentinel.username", EDGE,
                "spring.data.redis.sentinel.password", EDGE_PASSWORD));
        properties.putAll(others);
        return Gateway.start(primary, upstreamUrl, RateLimitClass.properties(properties, classes));
    }

    @BeforeAll
    static void start() {
        // DEBUG and MODULE allowed from loopback, so that only the edge's ACL stands in their way.
        primary = servers.add(RedisProcess.start(List.of(edgeUser(REDIS_RULES), "enable-debug-command local",
                "enable-module-command local")));
        sentinel = servers.add(RedisProcess.sentinel(MASTER, primary, SENTINEL_PASSWORD, directory, 1,
                List.of(edgeUser(SENTINEL_RULES))));
        var upstream = servers.add(Upstream.start(exchange -> {
            var path = exchange.getRequestURI().getPath();
            var status = 200;
            var body = "upstream saw " + path;
            if (path.equals("/api/shop/v1/hot-deals")) {
                var now = Instant.now();
                body = "[{\"id\":\"acl\",\"paths\":[\"/*/p/ACL-1\"],\"checkoutPaths\":"
                        + "[\"/api/shop/v1/hot-deals/acl/checkout\"],\"startsAt\":\"" + now.minusSeconds(60)
                        + "\",\"endsAt\":\"" + now.plus(Duration.ofHours(1))
                        + "\",\"admissionsPerMinute\":60000,\"units\":10,\"soldOut\":false}]";
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            } else if (path.endsWith("/checkout")) {
                status = 201;
                body = "{\"number\":\"acl-1\"}";
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            }
            Upstream.answer(exchange, status, body);
        }));
        gateway = servers.add(startEdgeGateway(primary, "127.0.0.1:" + sentinel.port(), upstream.url(),
                Map.of("onshore.gateway.pass-key", "edge-acl-test-pass-key-0123456789abcdef",
                        "onshore.waiting-room.refresh", "200ms"),
                RateLimitClass.LOGIN, new RateLimitClass("pages", "/**", 1000, 0, null)));
    }

    /** Whatever a test was refused shows in the report: what the edge's rules would have to allow. */
    @AfterEach
    void printTheAclLog() {
        System.out.println("ACL LOG of the primary: " + primary.reply("ACL", "LOG"));
        System.out.println("ACL LOG of the Sentinel: " + sentinel.reply("ACL", "LOG"));
    }

    @Test
    void theGatewayCountsLoginsAsTheEdgeUserFoundThroughTheSentinel() {
        for (int i = 0; i < 3; i++) {
            assertThat(gateway.get(LOGIN, "X-Forwarded-For", "203.0.113.41").statusCode()).isEqualTo(200);
        }
        assertThat(gateway.get(LOGIN, "X-Forwarded-For", "203.0.113.41").statusCode()).isEqualTo(429);
        assertThat(primary.reply("GET", "rl:login:ip:203.0.113.41")).isEqualTo("4");
        assertThat(clientsOf(primary, EDGE)).as("the edge's connections as its own user").isNotEmpty();
        assertThat(clientsOf(primary, "default")).as("the edge's connections as the default user").isEmpty();
        assertThat(primary.reply("ACL", "LOG").toString()).as("nothing the edge did was refused")
                .doesNotContain("username");
        assertThat(sentinel.reply("ACL", "LOG").toString()).doesNotContain("username");
    }

    @Test
    void theWaitingRoomHandsOutTicketsAndPassesAsTheEdgeUser() {
        var shopper = new Browser("203.0.113.42", "en-US");
        // The deal admits 1000 a second and nobody waits: the first look at its page takes a ticket and is let in
        // with a pass at once (once the feed has read the deal).
        Await.until("a ticket and a pass for the deal", Duration.ofSeconds(20), () -> {
            shopper.send(gateway, "GET", "/en-us/p/ACL-1");
            return shopper.cookies.containsKey("onshore_pass_acl");
        });
        assertThat(shopper.cookies).containsKey("onshore_ticket_acl");
        assertThat(shopper.send(gateway, "GET", "/waiting-room/acl/status").body()).contains("\"state\":\"admitted\"");
        assertThat(shopper.send(gateway, "GET", "/en-us/p/ACL-1").body()).isEqualTo("upstream saw /en-us/p/ACL-1");

        var checkout = shopper.send(gateway, "POST", "/api/shop/v1/hot-deals/acl/checkout", "Idempotency-Key", "acl-1");
        assertThat(checkout.statusCode()).isEqualTo(201);
        assertThat(primary.reply("GET", "wr:{acl}:seq")).isEqualTo("1");
        assertThat(primary.reply("SISMEMBER", "wr:{acl}:spent", "1")).isEqualTo(":1");
        assertThat(primary.reply("ACL", "LOG").toString()).as("nothing the edge did was refused")
                .doesNotContain("username");
    }

    @Test
    void theEdgeUserIsRefusedWhatWouldHarmTheDataTier() {
        primary.command("SET", "session:someone-else", "secret");
        for (var command : List.of(List.of("FLUSHALL"), List.of("FLUSHDB"), List.of("CONFIG", "GET", "*"),
                List.of("CONFIG", "SET", "dir", "/tmp"), List.of("KEYS", "*"), List.of("SCAN", "0"),
                List.of("DEBUG", "SLEEP", "0"), List.of("MODULE", "LIST"), List.of("ACL", "LIST"),
                List.of("ACL", "SETUSER", EDGE, "+@all"), List.of("SCRIPT", "FLUSH"), List.of("FUNCTION", "FLUSH"),
                List.of("SHUTDOWN"), List.of("REPLICAOF", "127.0.0.1", "1"), List.of("MONITOR"),
                List.of("SUBSCRIBE", "__sentinel__:hello"), List.of("PUBLISH", "__sentinel__:hello", "x"))) {
            assertThat(primary.replyAs(EDGE, EDGE_PASSWORD, command.toArray(String[]::new)).toString())
                    .as(String.join(" ", command)).startsWith("-NOPERM");
        }
        for (var command : List.of(List.of("GET", "session:someone-else"), List.of("SET", "session:x", "1"),
                List.of("DEL", "session:someone-else"), List.of("EVAL", "return redis.call('GET', KEYS[1])", "1",
                        "session:someone-else"))) {
            assertThat(primary.replyAs(EDGE, EDGE_PASSWORD, command.toArray(String[]::new)).toString())
                    .as(String.join(" ", command)).startsWith("-NOPERM");
        }
        // A script cannot reach past the prefixes either by naming a key it was not given.
        assertThat(primary.replyAs(EDGE, EDGE_PASSWORD, "EVAL", "return redis.call('GET', 'session:someone-else')",
                "0").toString()).contains("can't access").doesNotContain("secret");
        assertThat(primary.replyAs(EDGE, EDGE_PASSWORD, "SET", "rl:probe", "1")).isEqualTo("+OK");
        assertThat(primary.reply("GET", "session:someone-else")).isEqualTo("secret");
        assertThat(primary.reply("CONFIG", "GET", "maxmemory")).isNotEqualTo(List.of());

        // On the Sentinel, the edge may learn where the primary is, not move it or change what is watched.
        assertThat(sentinel.replyAs(EDGE, EDGE_PASSWORD, "SENTINEL", "get-master-addr-by-name", MASTER))
                .isEqualTo(List.of("127.0.0.1", Integer.toString(primary.port())));
        for (var command : List.of(List.of("SENTINEL", "FAILOVER", MASTER), List.of("SENTINEL", "REMOVE", MASTER),
                List.of("SENTINEL", "SET", MASTER, "auth-pass", "x"), List.of("SENTINEL", "RESET", "*"),
                List.of("SENTINEL", "CONFIG", "GET", "*"), List.of("SENTINEL", "MONITOR", "x", "127.0.0.1", "1", "1"),
                List.of("ACL", "LIST"), List.of("ACL", "SETUSER", EDGE, "+@all"), List.of("SHUTDOWN"))) {
            assertThat(sentinel.replyAs(EDGE, EDGE_PASSWORD, command.toArray(String[]::new)).toString())
                    .as("Sentinel: " + String.join(" ", command)).startsWith("-NOPERM");
        }
    }

    private static List<String> clientsOf(RedisProcess redis, String user) {
        return redis.reply("CLIENT", "LIST").toString().lines()
                .filter(line -> line.contains("name=dmz-api ") && line.contains(" user=" + user + " ")).toList();
    }
}
