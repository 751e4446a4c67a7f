package dev.onshore.edge.waitingroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.edge.Upstream;
import dev.onshore.edge.redis.Browser;
import dev.onshore.edge.redis.Gateway;
import dev.onshore.edge.redis.RedisProcess;
import dev.onshore.edge.redis.StartedServers;
import java.io.IOException;
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
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The waiting room with two gateway nodes sharing one real redis-server, in front of an in-process upstream that
 * stands in for internal-was: it announces the deals (as {@code /api/shop/v1/hot-deals} does, sold out when its
 * count of units left says so), records what got through, and answers a deal's checkout as internal-was does: an
 * order per Idempotency-Key (replayed for a retry, 409 while the first still runs), 409 {@code hot-deal/sold-out} when
 * no unit is left; it can fail (502) or stall (past the edge's 1 s upstream timeout, then still place the order) for
 * the first checkouts of a deal. Each test has its own deal, so queues never mix.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WaitingRoomIntegrationTests {

    static final String PASS_KEY = "waiting-room-test-key-0123456789abcdef";
    private static final Pattern STATE = Pattern.compile("\"state\":\"(\\w+)\"");
    private static final Pattern POSITION = Pattern.compile("\"position\":(\\d+)");
    private static final Pattern TICKET = Pattern.compile("t1\\.[\\w-]+\\.(\\d+)\\.");
    private static final String SOLD_OUT_TYPE = "https://onshore.dev/problems/hot-deal/sold-out";
    private static final Pattern CHECKOUT = Pattern.compile("/api/shop/v1/hot-deals/([\\w-]+)/checkout");

    private static final Map<String, Deal> deals = new ConcurrentHashMap<>();
    private static final List<String> reached = new CopyOnWriteArrayList<>();
    @AutoClose
    private static final StartedServers servers = new StartedServers();
    private static RedisProcess redis;
    private static Gateway a;
    private static Gateway b;

    @BeforeAll
    static void start() {
        var now = Instant.now();
        deal("fair", now.minusSeconds(1), 60, 100);
        deal("open", now.minusSeconds(1), 60_000, 100);
        deal("passes", now.minusSeconds(1), 60_000, 100);
        deal("last", now.minusSeconds(1), 60, 1);
        deal("restart", now.minusSeconds(1), 1, 100);
        deal("crowd", now.minusSeconds(1), 1, 100);
        deal("later", now.plus(Duration.ofMinutes(5)), 60_000, 100);
        deal("flaky", now.minusSeconds(1), 60_000, 3).failing.set(4);
        deal("slow", now.minusSeconds(1), 60_000, 2).stalling.set(2);
        deal("gone", now.minusSeconds(1), 60_000, 5).left.set(1);
        deal("back", now.minusSeconds(1), 60_000, 1);
        redis = servers.add(RedisProcess.start());
        // A stalled checkout must not stall the rest: every exchange on its own virtual thread.
        var upstream = servers.add(Upstream.start(Executors.newVirtualThreadPerTaskExecutor(), exchange -> {
            var path = exchange.getRequestURI().getPath();
            var status = 200;
            String body;
            if (path.equals("/api/shop/v1/hot-deals")) {
                body = "[" + String.join(",", deals.values().stream().map(Deal::json).toList()) + "]";
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            } else {
                reached.add(exchange.getRequestMethod() + " " + path);
                var checkout = CHECKOUT.matcher(path);
                if (checkout.matches() && exchange.getRequestMethod().equals("POST")) {
                    var answer = deals.get(checkout.group(1))
                            .checkout(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
                    status = answer.status();
                    body = answer.body();
                    exchange.getResponseHeaders().add("Content-Type",
                            status == 201 ? "application/json" : "application/problem+json");
                } else {
                    body = "upstream saw " + path;
                }
            }
            try {
                Upstream.answer(exchange, status, body);
            } catch (IOException e) {
                // the edge gave up on a stalled checkout and closed the connection
                exchange.close();
            }
        }));
        var url = upstream.url();
        Map<String, Object> settings = Map.of("onshore.gateway.pass-key", PASS_KEY, "onshore.waiting-room.refresh",
                "200ms", "onshore.waiting-room.tickets-per-address", "2", "onshore.waiting-room.poll", "500ms",
                "onshore.gateway.upstream.response-timeout", "1s");
        a = servers.add(Gateway.start(redis, url, settings));
        b = servers.add(Gateway.start(redis, url, settings));
    }

    private static Deal deal(String id, Instant startsAt, int perMinute, int units) {
        var deal = new Deal(id, startsAt, perMinute, units);
        deals.put(id, deal);
        return deal;
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

        assertThat(shopper.send(a, "POST", checkout).statusCode()).isEqualTo(201);
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

        assertThat(first.send(a, "POST", "/api/shop/v1/hot-deals/last/checkout").statusCode()).isEqualTo(201);

        // internal-was's list says sold out (its units left, not the passes handed out): the room closes.
        var status = awaitState(second, b, "last", "closed");
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
    void checkoutsThatFailUpstreamGiveThePassBackSoEveryUnitIsSold() throws Exception {
        var shoppers = List.of(new Shopper("10.9.0.1", "en-US"), new Shopper("10.9.0.2", "en-US"),
                new Shopper("10.9.0.3", "en-US"));
        for (var shopper : shoppers) {
            shopper.get(a, "/en-us/p/FLAKY-1");
            awaitAdmitted(shopper, "flaky");
        }
        var answers = new ArrayList<Integer>();
        for (var shopper : shoppers) {
            answers.addAll(shopper.buy("flaky"));
        }

        // The first 4 checkouts got 502; each shopper retried with its pass and bought its unit.
        assertThat(answers.stream().filter(s -> s == 502).count()).isEqualTo(4);
        assertThat(shoppers).allSatisfy(s -> assertThat(s.lastStatus).isEqualTo(201));
        assertThat(deals.get("flaky").orders).hasSize(3);
        assertThat(deals.get("flaky").left.get()).isZero();
        awaitSoldOut("/en-us/p/FLAKY-1");
    }

    @Test
    void aCheckoutTimedOutAtTheEdgeIsRetriedWithItsPassAndStaysOneOrder() throws Exception {
        var shoppers = List.of(new Shopper("10.10.0.1", "en-US"), new Shopper("10.10.0.2", "en-US"));
        for (var shopper : shoppers) {
            shopper.get(b, "/en-us/p/SLOW-1");
            awaitAdmitted(shopper, "slow");
        }
        var answers = new ArrayList<Integer>();
        for (var shopper : shoppers) {
            answers.addAll(shopper.buy("slow"));
        }

        // Each first checkout timed out at the edge (504) while internal-was went on and placed the order; the retry
        // with the same pass and Idempotency-Key got that order back, not a second one.
        assertThat(answers.stream().filter(s -> s == 504).count()).isEqualTo(2);
        assertThat(shoppers).allSatisfy(s -> assertThat(s.lastStatus).isEqualTo(201));
        assertThat(deals.get("slow").orders).hasSize(2);
        assertThat(deals.get("slow").left.get()).isZero();
    }

    @Test
    void anAnsweredSoldOutSpendsThePassAndIsNeverSentUpstreamAgain() throws Exception {
        var deal = deals.get("gone");
        deal.listLags = true; // internal-was's list has not caught up yet: only the checkout's answer says it
        var winner = new Shopper("10.11.0.1", "en-US");
        var loser = new Shopper("10.11.0.2", "ko-KR");
        for (var shopper : List.of(winner, loser)) {
            shopper.get(a, "/en-us/p/GONE-1");
            awaitAdmitted(shopper, "gone");
        }
        var checkout = "/api/shop/v1/hot-deals/gone/checkout";
        assertThat(winner.send(a, "POST", checkout, "Idempotency-Key", "gone-1").statusCode()).isEqualTo(201);

        var soldOut = loser.send(b, "POST", checkout, "Idempotency-Key", "gone-2");
        assertThat(soldOut.statusCode()).isEqualTo(409);
        assertThat(soldOut.body()).contains(SOLD_OUT_TYPE);
        var again = loser.send(a, "POST", checkout, "Idempotency-Key", "gone-3");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("https://onshore.dev/problems/pass-spent");
        assertThat(reached.stream().filter(("POST " + checkout)::equals).count()).isEqualTo(2);
        deal.listLags = false;
    }

    @Test
    void unitsComingBackReOpenTheRoom() throws Exception {
        var buyer = new Shopper("10.12.0.1", "en-US");
        buyer.get(a, "/en-us/p/BACK-1");
        awaitAdmitted(buyer, "back");
        assertThat(buyer.send(a, "POST", "/api/shop/v1/hot-deals/back/checkout", "Idempotency-Key", "back-1")
                .statusCode()).isEqualTo(201);
        awaitSoldOut("/en-us/p/BACK-1");
        var late = new Shopper("10.12.0.2", "en-US");
        assertThat(late.get(b, "/en-us/p/BACK-1").statusCode()).isEqualTo(410);

        // The buyer's payment failed: internal-was gives the unit back, its list shows it, the room lets the next in.
        deals.get("back").left.incrementAndGet();
        awaitPage(late, "/en-us/p/BACK-1", 200);
        awaitAdmitted(late, "back");
        assertThat(late.buy("back")).containsExactly(201);
        assertThat(deals.get("back").orders).hasSize(2);
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

    private static HttpResponse<String> awaitState(Shopper shopper, Gateway gateway, String deal, String state)
            throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            var status = shopper.status(gateway, deal);
            if (state.equals(group(STATE, status.body())) || Instant.now().isAfter(deadline)) {
                assertThat(group(STATE, status.body())).as(deal).isEqualTo(state);
                return status;
            }
            Thread.sleep(100);
        }
    }

    /** Until a newcomer is told the deal is sold out (each probe from its own address, holding nothing). */
    private static void awaitSoldOut(String path) throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(10));
        for (int i = 1;; i++) {
            var status = new Shopper("10.250." + (i / 250) + "." + (i % 250 + 1), "en-US").get(b, path).statusCode();
            if (status == 410 || Instant.now().isAfter(deadline)) {
                assertThat(status).as(path).isEqualTo(410);
                return;
            }
            Thread.sleep(100);
        }
    }

    private static void awaitPage(Shopper shopper, String path, int expected) throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            var status = shopper.get(a, path).statusCode();
            if (status == expected || Instant.now().isAfter(deadline)) {
                assertThat(status).as(path).isEqualTo(expected);
                return;
            }
            Thread.sleep(100);
        }
    }

    private static String group(Pattern pattern, String text) {
        var matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : "";
    }

    /** A browser that queues for deals and buys them. */
    private static final class Shopper extends Browser {

        int lastStatus;

        Shopper(String address, String language) {
            super(address, language);
        }

        HttpResponse<String> status(Gateway gateway, String deal) {
            return send(gateway, "GET", "/waiting-room/" + deal + "/status");
        }

        /**
         * Checks out the deal with its pass and one Idempotency-Key, as the storefront does: again after a failure
         * (5xx, timeout) or while the pass or the key is busy, until an answer that is not one. The statuses seen.
         */
        List<Integer> buy(String deal) throws InterruptedException {
            var key = deal + "-" + address;
            var seen = new ArrayList<Integer>();
            var deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (Instant.now().isBefore(deadline)) {
                var answer = send(seen.size() % 2 == 0 ? a : b, "POST", "/api/shop/v1/hot-deals/" + deal + "/checkout",
                        "Idempotency-Key", key);
                seen.add(answer.statusCode());
                lastStatus = answer.statusCode();
                var busy = answer.statusCode() == 409 && (answer.body().contains("pass-in-use")
                        || answer.body().contains("idempotency-key/running"));
                if (answer.statusCode() < 500 && !busy) {
                    return seen;
                }
                Thread.sleep(100);
            }
            return seen;
        }

        long ticket(String deal) {
            var token = cookies.get(WaitingRoom.TICKET_COOKIE + deal);
            var matcher = TICKET.matcher(token == null ? "" : token);
            return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
        }
    }

    /** A deal as the stand-in internal-was holds it: its units left are the truth, as in MariaDB. */
    private static final class Deal {

        final String id;
        final Instant startsAt;
        final int perMinute;
        final int units;
        final AtomicInteger left;
        /** the next this many checkouts fail with 502 before reaching the order */
        final AtomicInteger failing = new AtomicInteger();
        /** the next this many checkouts take 2.5 s (the edge waits 1 s) and then place the order all the same */
        final AtomicInteger stalling = new AtomicInteger();
        /** Idempotency-Key → the answer kept for it (an order or a refusal), as internal-was keeps it */
        final Map<String, Answer> answers = new ConcurrentHashMap<>();
        final Map<String, Boolean> running = new ConcurrentHashMap<>();
        final List<String> orders = new CopyOnWriteArrayList<>();
        volatile boolean listLags;

        Deal(String id, Instant startsAt, int perMinute, int units) {
            this.id = id;
            this.startsAt = startsAt;
            this.perMinute = perMinute;
            this.units = units;
            this.left = new AtomicInteger(units);
        }

        String json() {
            return "{\"id\":\"" + id + "\",\"paths\":[\"/*/p/" + id.toUpperCase() + "-1\"],\"checkoutPaths\":"
                    + "[\"/api/shop/v1/hot-deals/" + id + "/checkout\"],\"startsAt\":\"" + startsAt
                    + "\",\"endsAt\":\"" + startsAt.plus(Duration.ofHours(1)) + "\",\"admissionsPerMinute\":"
                    + perMinute + ",\"units\":" + units + ",\"soldOut\":" + (!listLags && left.get() <= 0) + "}";
        }

        Answer checkout(String idempotencyKey) {
            if (failing.getAndDecrement() > 0) {
                return new Answer(502, "{\"type\":\"https://onshore.dev/problems/upstream-unavailable\"}");
            }
            var key = idempotencyKey == null ? java.util.UUID.randomUUID().toString() : idempotencyKey;
            var kept = answers.get(key);
            if (kept != null) {
                return kept;
            }
            if (running.putIfAbsent(key, true) != null) {
                return new Answer(409, "{\"type\":\"https://onshore.dev/problems/idempotency-key/running\"}");
            }
            try {
                if (stalling.getAndDecrement() > 0) {
                    Thread.sleep(2500);
                }
                Answer answer;
                if (left.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0) {
                    var number = id + "-" + (orders.size() + 1);
                    orders.add(number);
                    answer = new Answer(201, "{\"number\":\"" + number + "\"}");
                } else {
                    answer = new Answer(409, "{\"type\":\"" + SOLD_OUT_TYPE + "\",\"status\":409}");
                }
                answers.put(key, answer);
                return answer;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(503, "{}");
            } finally {
                running.remove(key);
            }
        }
    }

    private record Answer(int status, String body) {
    }
}
