package dev.onshore.edge.waitingroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.onshore.edge.redis.Gateway;
import dev.onshore.edge.redis.RedisProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The waiting room with two gateway nodes sharing one real redis-server, in front of an in-process upstream that
 * announces the deals (as internal-was's {@code /api/shop/v1/hot-deals} does) and records what got through. Each test
 * has its own deal, so queues never mix.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WaitingRoomIntegrationTests {

    static final String PASS_KEY = "waiting-room-test-key-0123456789abcdef";
    private static final Pattern STATE = Pattern.compile("\"state\":\"(\\w+)\"");
    private static final Pattern POSITION = Pattern.compile("\"position\":(\\d+)");
    private static final Pattern TICKET = Pattern.compile("t1\\.[\\w-]+\\.(\\d+)\\.");

    private static final Map<String, String> deals = new ConcurrentHashMap<>();
    private static final List<String> reached = new CopyOnWriteArrayList<>();
    private static RedisProcess redis;
    private static HttpServer upstream;
    private static Gateway a;
    private static Gateway b;

    @BeforeAll
    static void start() throws IOException {
        var now = Instant.now();
        deal("fair", now.minusSeconds(1), 60, 100);
        deal("open", now.minusSeconds(1), 60_000, 100);
        deal("passes", now.minusSeconds(1), 60_000, 100);
        deal("last", now.minusSeconds(1), 60, 1);
        deal("restart", now.minusSeconds(1), 1, 100);
        deal("crowd", now.minusSeconds(1), 1, 100);
        deal("later", now.plus(Duration.ofMinutes(5)), 60_000, 100);
        redis = RedisProcess.start();
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", exchange -> {
            var path = exchange.getRequestURI().getPath();
            byte[] body;
            if (path.equals("/api/shop/v1/hot-deals")) {
                body = ("[" + String.join(",", deals.values()) + "]").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            } else {
                reached.add(exchange.getRequestMethod() + " " + path);
                body = ("upstream saw " + path).getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.start();
        var url = "http://127.0.0.1:" + upstream.getAddress().getPort();
        Map<String, Object> settings = Map.of("onshore.gateway.pass-key", PASS_KEY, "onshore.waiting-room.refresh",
                "200ms", "onshore.waiting-room.tickets-per-address", "2", "onshore.waiting-room.poll", "500ms");
        a = Gateway.start(redis, url, settings);
        b = Gateway.start(redis, url, settings);
    }

    @AfterAll
    static void stop() {
        for (var gateway : new Gateway[] {a, b}) {
            if (gateway != null) {
                gateway.close();
            }
        }
        if (upstream != null) {
            upstream.stop(0);
        }
        if (redis != null) {
            redis.stop();
        }
    }

    private static void deal(String id, Instant startsAt, int perMinute, int units) {
        deals.put(id, "{\"id\":\"" + id + "\",\"paths\":[\"/*/p/" + id.toUpperCase() + "-1\"],\"checkoutPaths\":"
                + "[\"/api/shop/v1/hot-deals/" + id + "/checkout\"],\"startsAt\":\"" + startsAt + "\",\"endsAt\":\""
                + startsAt.plus(Duration.ofHours(1)) + "\",\"admissionsPerMinute\":" + perMinute + ",\"units\":"
                + units + ",\"soldOut\":false}");
    }

    @Test
    void ticketsFromTwoGatewaysAreAdmittedInArrivalOrderAtTheConfiguredRate() throws Exception {
        var shoppers = new ArrayList<Shopper>();
        var firstTicket = Instant.now();
        for (int i = 0; i < 5; i++) {
            var shopper = new Shopper("10.1.0." + (i + 1), "en-US");
            var page = shopper.get(i % 2 == 0 ? a : b, "/en-us/p/FAIR-1");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"waiting-room\"").contains("/waiting-room/fair/status")
                    .doesNotContain("upstream saw");
            shoppers.add(shopper);
        }
        // One counter for both nodes: tickets are numbered in arrival order.
        for (int i = 0; i < shoppers.size(); i++) {
            assertThat(shoppers.get(i).ticket("fair")).isEqualTo(i + 1);
        }

        var admittedAt = new LinkedHashMap<Integer, Instant>();
        var admittedInRound = new LinkedHashMap<Integer, Integer>();
        var deadline = Instant.now().plus(Duration.ofSeconds(20));
        for (int round = 0; admittedAt.size() < shoppers.size() && Instant.now().isBefore(deadline); round++) {
            // Latest arrival first: whoever is seen admitted, everyone before them must be seen admitted too.
            for (int i = shoppers.size() - 1; i >= 0; i--) {
                var status = shoppers.get(i).status(round % 2 == 0 ? a : b, "fair");
                if ("admitted".equals(group(STATE, status.body())) && !admittedAt.containsKey(i)) {
                    admittedAt.put(i, Instant.now());
                    admittedInRound.put(i, round);
                }
            }
            Thread.sleep(100);
        }

        assertThat(admittedAt).hasSize(shoppers.size());
        for (int i = 1; i < shoppers.size(); i++) {
            assertThat(admittedInRound.get(i)).isGreaterThanOrEqualTo(admittedInRound.get(i - 1));
        }
        // 60 a minute: the n-th ticket is admitted no sooner than n seconds after the queue formed.
        for (int i = 0; i < shoppers.size(); i++) {
            assertThat(Duration.between(firstTicket, admittedAt.get(i)).toMillis())
                    .isGreaterThanOrEqualTo((i + 1) * 1000L - 150);
        }
    }

    @Test
    void anAdmittedShopperGetsAPassThatOpensTheDealOnEitherGatewayButNotForAnotherClient() throws Exception {
        var shopper = new Shopper("10.2.0.1", "en-US");
        shopper.get(a, "/en-us/p/OPEN-1");
        awaitAdmitted(shopper, "open");

        var page = shopper.get(b, "/en-us/p/OPEN-1");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("upstream saw /en-us/p/OPEN-1");

        var thief = new Shopper("10.2.0.2", "en-US");
        thief.cookies.put(WaitingRoom.PASS_COOKIE + "open", shopper.cookies.get(WaitingRoom.PASS_COOKIE + "open"));
        var stolen = thief.send(a, "POST", "/api/shop/v1/hot-deals/open/checkout");
        assertThat(stolen.statusCode()).isEqualTo(403);
        assertThat(stolen.body()).contains("https://onshore.dev/problems/invalid-pass");
        assertThat(reached).doesNotContain("POST /api/shop/v1/hot-deals/open/checkout");
    }

    @Test
    void forgedExpiredAndReplayedPassesAreRefusedAtCheckout() throws Exception {
        var shopper = new Shopper("10.3.0.1", "en-US");
        shopper.get(a, "/en-us/p/PASSES-1");
        awaitAdmitted(shopper, "passes");
        var genuine = shopper.cookies.get(WaitingRoom.PASS_COOKIE + "passes");
        var ticket = shopper.ticket("passes");
        var checkout = "/api/shop/v1/hot-deals/passes/checkout";

        var otherKey = new Passes("not-the-gateways-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        var ours = new Passes(PASS_KEY.getBytes(StandardCharsets.UTF_8));
        var forgeries = List.of(
                "p1.passes." + ticket + "." + Instant.now().plusSeconds(600).getEpochSecond() + ".AAAAAAAAAAAAAAAA",
                otherKey.pass("passes", ticket, Instant.now().plusSeconds(600), "10.3.0.1"),
                genuine.replaceFirst("^p1\\.passes\\.\\d+\\.", "p1.passes." + (ticket + 1) + "."),
                ours.pass("passes", ticket, Instant.now().minusSeconds(1), "10.3.0.1"),
                ours.pass("open", ticket, Instant.now().plusSeconds(600), "10.3.0.1"));
        for (var forged : forgeries) {
            var forger = new Shopper("10.3.0.1", "en-US");
            forger.cookies.put(WaitingRoom.PASS_COOKIE + "passes", forged);
            assertThat(forger.send(b, "POST", checkout).statusCode()).as(forged).isEqualTo(403);
        }
        assertThat(reached).doesNotContain("POST " + checkout);

        assertThat(shopper.send(a, "POST", checkout).statusCode()).isEqualTo(200);
        var replay = shopper.send(b, "POST", checkout);
        assertThat(replay.statusCode()).isEqualTo(409);
        assertThat(replay.body()).contains("https://onshore.dev/problems/pass-spent");
        assertThat(reached.stream().filter(("POST " + checkout)::equals).count()).isEqualTo(1);
    }

    @Test
    void whenTheUnitsAreGoneTheRoomClosesAndTellsEveryoneStillWaitingInTheirLanguage() throws Exception {
        var first = new Shopper("10.4.0.1", "en-US");
        var second = new Shopper("10.4.0.2", "ko-KR");
        first.get(a, "/en-us/p/LAST-1");
        second.get(b, "/ko-kr/p/LAST-1");
        awaitAdmitted(first, "last");

        assertThat(first.send(a, "POST", "/api/shop/v1/hot-deals/last/checkout").statusCode()).isEqualTo(200);

        var status = second.status(b, "last");
        assertThat(group(STATE, status.body())).isEqualTo("closed");
        assertThat(status.body()).contains("품절");
        var page = second.get(a, "/ko-kr/p/LAST-1");
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("품절");
        assertThat(new Shopper("10.4.0.3", "id-ID").get(b, "/id-id/p/LAST-1").body()).contains("Habis terjual");
    }

    @Test
    void aRestartedGatewayKeepsEveryonesPlaceAndTheArrivalOrder() throws Exception {
        var early = new Shopper("10.5.0.1", "en-US");
        var late = new Shopper("10.5.0.2", "en-US");
        early.get(b, "/en-us/p/RESTART-1");
        late.get(b, "/en-us/p/RESTART-1");

        b.close();
        b.startAgain();

        var after = new Shopper("10.5.0.3", "en-US");
        after.get(b, "/en-us/p/RESTART-1");
        assertThat(List.of(early.ticket("restart"), late.ticket("restart"), after.ticket("restart")))
                .containsExactly(1L, 2L, 3L);
        assertThat(group(POSITION, late.status(b, "restart").body())).isEqualTo("2");
        assertThat(group(POSITION, after.status(a, "restart").body())).isEqualTo("3");
    }

    @Test
    void aClientKeepsOneTicketAndOneAddressGetsNoMoreThanItsShare() {
        var shopper = new Shopper("10.6.0.1", "en-US");
        shopper.get(a, "/en-us/p/CROWD-1");
        var again = shopper.get(b, "/en-us/p/CROWD-1");
        assertThat(again.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(WaitingRoom.TICKET_COOKIE));
        assertThat(shopper.ticket("crowd")).isEqualTo(1);

        // Cookies thrown away: the address's second ticket is granted, the third refused.
        assertThat(new Shopper("10.6.0.1", "en-US").get(a, "/en-us/p/CROWD-1").statusCode()).isEqualTo(200);
        var refused = new Shopper("10.6.0.1", "ms-MY").get(b, "/ms-my/p/CROWD-1");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("giliran");
    }

    @Test
    void beforeTheStartShoppersQueueButNobodyIsAdmitted() {
        var shopper = new Shopper("10.7.0.1", "zh-CN");
        var page = shopper.get(a, "/zh-cn/p/LATER-1");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("特卖尚未开始");
        var status = shopper.status(b, "later");
        assertThat(group(STATE, status.body())).isEqualTo("waiting");
        assertThat(status.body()).contains("\"estimatedWaitSeconds\":").doesNotContain("\"estimatedWaitSeconds\":0,");
        // Paths of no open deal pass untouched.
        assertThat(shopper.get(a, "/zh-cn/p/OTHER-1").body()).isEqualTo("upstream saw /zh-cn/p/OTHER-1");
    }

    @Test
    @Order(Integer.MAX_VALUE) // it empties Redis
    void withoutRedisTheGateFailsClosed() {
        var shopper = new Shopper("10.8.0.1", "en-US");
        redis.stop();
        try {
            var page = shopper.get(a, "/en-us/p/OPEN-1");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).isPresent();
        } finally {
            redis.startAgain();
        }
    }

    private static void awaitAdmitted(Shopper shopper, String deal) throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if ("admitted".equals(group(STATE, shopper.status(a, deal).body()))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(deal + ": not admitted in time");
    }

    private static String group(Pattern pattern, String text) {
        var matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : "";
    }

    /** A browser: its address (as the trusted local hop reports it), language and cookies. */
    private static final class Shopper {

        final String address;
        final String language;
        final Map<String, String> cookies = new LinkedHashMap<>();

        Shopper(String address, String language) {
            this.address = address;
            this.language = language;
        }

        HttpResponse<String> get(Gateway gateway, String path) {
            return send(gateway, "GET", path);
        }

        HttpResponse<String> status(Gateway gateway, String deal) {
            return send(gateway, "GET", "/waiting-room/" + deal + "/status");
        }

        HttpResponse<String> send(Gateway gateway, String method, String path) {
            var headers = new ArrayList<>(List.of("X-Forwarded-For", address, "Accept-Language", language, "Accept",
                    method.equals("GET") && !path.startsWith("/waiting-room/") ? "text/html" : "application/json"));
            if (!cookies.isEmpty()) {
                headers.add("Cookie");
                headers.add(String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .toList()));
            }
            var response = gateway.send(method, path, headers.toArray(String[]::new));
            for (var setCookie : response.headers().allValues("Set-Cookie")) {
                var pair = setCookie.split(";", 2)[0].split("=", 2);
                cookies.put(pair[0], pair[1]);
            }
            return response;
        }

        long ticket(String deal) {
            var token = cookies.get(WaitingRoom.TICKET_COOKIE + deal);
            var matcher = TICKET.matcher(token == null ? "" : token);
            return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
        }
    }
}
