package dev.onshore.was.hotdeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.i18n.time.ViewerTime;
import dev.onshore.was.EdgeHop;
import dev.onshore.was.ShopTestSupport;
import dev.onshore.was.inventory.Stock;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Buying a hot deal through checkout on real MariaDB: the deal's price, its units and each customer's limit are
 * decided by conditional updates in the order's transaction; refusals are localized problems that leave nothing
 * behind; a cancelled order gives its units back.
 */
class HotDealCheckoutIntegrationTests extends ShopTestSupport {

    private static final String SKU = "HS-VITD-2000";
    private static final BigDecimal DEAL_PRICE = new BigDecimal("99000");

    @Autowired
    HotDealScheduling scheduling;

    @Autowired
    Stock stock;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void plentyOfStock() {
        stock.set(SKU, 10_000);
    }

    private UUID openDeal(int units, int limit) {
        var now = LocalDateTime.now(ZoneOffset.UTC);
        return scheduling.schedule(new ScheduleHotDeal(SKU, units, DEAL_PRICE, "IDR", limit, now.minusMinutes(1),
                now.plusHours(1), "UTC", 600), "op-test").id();
    }

    private static String body(int quantity, String email) {
        return """
                {"quantity":%d,"address":%s,"shippingMethod":"standard","email":"%s","unitPrice":"1","total":"1"}"""
                .formatted(quantity, address("ID"), email);
    }

    private MvcResult buy(UUID deal, String body, String key, String language) throws Exception {
        return mvc.perform(post("/api/shop/v1/hot-deals/" + deal + "/checkout").header("Idempotency-Key", key)
                .header("Accept-Language", language).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn();
    }

    private int unitsLeft(UUID deal) {
        return jdbc.sql("SELECT units_left FROM hot_deal WHERE id = ?").param(deal.toString()).query(Integer.class)
                .single();
    }

    private int claimedOrders(UUID deal) {
        return jdbc.sql("SELECT COUNT(*) FROM hot_deal_order WHERE deal_id = ?").param(deal.toString())
                .query(Integer.class).single();
    }

    private static void assertProblem(MvcResult result, int status, String type) throws Exception {
        assertStatus(result, status);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(JsonPath.<String>read(result.getResponse().getContentAsString(), "$.type"))
                .isEqualTo("https://onshore.dev/problems/" + type);
    }

    @Test
    void aDealIsBoughtAtTheDealsPriceWhateverTheClientSends() throws Exception {
        var deal = openDeal(10, 2);
        var placed = buy(deal, body(2, "price@example.com"), UUID.randomUUID().toString(), "id");
        assertStatus(placed, 201);
        var json = placed.getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(json, "$.order.lines[0].sku")).isEqualTo(SKU);
        assertThat(new BigDecimal(JsonPath.<String>read(json, "$.order.lines[0].unitPrice.amount")))
                .isEqualByComparingTo(DEAL_PRICE);
        assertThat(new BigDecimal(JsonPath.<String>read(json, "$.order.subtotal.amount")))
                .isEqualByComparingTo(DEAL_PRICE.multiply(BigDecimal.TWO));
        assertThat(JsonPath.<String>read(json, "$.order.currency")).isEqualTo("IDR");
        assertThat(unitsLeft(deal)).isEqualTo(8);
        assertThat(jdbc.sql("SELECT quantity FROM stock_reservation WHERE order_number = ?")
                .param(JsonPath.<String>read(json, "$.order.number")).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void thirtyParallelBuyersForTheLastFiveUnitsPlaceExactlyFiveOrders() throws Exception {
        var deal = openDeal(5, 1);
        var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
        var start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(30)) {
            for (int i = 0; i < 30; i++) {
                var email = "buyer" + i + "@example.com";
                runs.add(pool.submit(() -> {
                    start.await();
                    var result = buy(deal, body(1, email), UUID.randomUUID().toString(), "en");
                    statuses.computeIfAbsent(result.getResponse().getStatus(), s -> new AtomicInteger())
                            .incrementAndGet();
                    if (result.getResponse().getStatus() != 201) {
                        assertProblem(result, 409, "hot-deal/sold-out");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var run : runs) {
                run.get();
            }
        }
        assertThat(statuses.get(201).get()).isEqualTo(5);
        assertThat(statuses.get(409).get()).isEqualTo(25);
        assertThat(unitsLeft(deal)).isZero();
        assertThat(claimedOrders(deal)).isEqualTo(5);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM shop_order o JOIN hot_deal_order h ON h.order_number = o.number
                WHERE h.deal_id = ?""").param(deal.toString()).query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void oneCustomersParallelRequestsNeverPassTheLimit() throws Exception {
        var deal = openDeal(100, 2);
        var created = new AtomicInteger();
        var start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(12)) {
            for (int i = 0; i < 12; i++) {
                // The same person, the address written differently: the limit counts the address, not the string.
                var email = (i % 2 == 0 ? "Greedy@Example.com" : "greedy@example.com ");
                runs.add(pool.submit(() -> {
                    start.await();
                    var result = buy(deal, body(1, email), UUID.randomUUID().toString(), "ko");
                    if (result.getResponse().getStatus() == 201) {
                        created.incrementAndGet();
                    } else {
                        assertProblem(result, 409, "hot-deal/over-limit");
                        assertThat(JsonPath.<Integer>read(result.getResponse().getContentAsString(), "$.limit"))
                                .isEqualTo(2);
                        assertThat(JsonPath.<String>read(result.getResponse().getContentAsString(), "$.detail"))
                                .contains("최대 2개");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var run : runs) {
                run.get();
            }
        }
        assertThat(created.get()).isEqualTo(2);
        assertThat(unitsLeft(deal)).isEqualTo(98);
        assertThat(jdbc.sql("SELECT units FROM hot_deal_customer WHERE deal_id = ?").param(deal.toString())
                .query(Integer.class).list()).containsExactly(2);
        assertProblem(buy(deal, body(3, "other@example.com"), UUID.randomUUID().toString(), "en"), 409,
                "hot-deal/over-limit");
    }

    @Test
    void refusalsAreLocalizedProblemsAndLeaveNothingBehind() throws Exception {
        var orders = jdbc.sql("SELECT COUNT(*) FROM shop_order").query(Integer.class).single();
        var now = LocalDateTime.now(ZoneOffset.UTC);
        var later = scheduling.schedule(new ScheduleHotDeal(SKU, 5, DEAL_PRICE, "IDR", 1, now.plusHours(1),
                now.plusHours(2), "UTC", 600), "op-test").id();
        var notOpen = buy(later, body(1, "early@example.com"), UUID.randomUUID().toString(), "id");
        assertProblem(notOpen, 409, "hot-deal/not-open");
        assertThat(JsonPath.<String>read(notOpen.getResponse().getContentAsString(), "$.title"))
                .isEqualTo("Promo kilat belum dibuka");
        assertThat(unitsLeft(later)).isEqualTo(5);

        var deal = openDeal(5, 1);
        assertProblem(buy(deal, body(2, "two@example.com"), UUID.randomUUID().toString(), "en"), 409,
                "hot-deal/over-limit");
        assertProblem(buy(deal, body(0, "zero@example.com"), UUID.randomUUID().toString(), "en"), 400,
                "invalid-request");
        assertProblem(buy(deal, "{\"quantity\":1.5}", UUID.randomUUID().toString(), "en"), 400, "invalid-request");
        assertProblem(buy(deal, "{not json", UUID.randomUUID().toString(), "en"), 400, "invalid-request");
        assertProblem(buy(deal, body(1, "us@example.com").replace(address("ID"), address("US")),
                UUID.randomUUID().toString(), "en"), 422, "checkout/hot-deal-outside-market");
        assertProblem(buy(UUID.randomUUID(), body(1, "nobody@example.com"), UUID.randomUUID().toString(), "en"), 404,
                "unknown-hot-deal");
        assertStatus(mvc.perform(post("/api/shop/v1/hot-deals/" + deal + "/checkout")
                .contentType(MediaType.APPLICATION_JSON).content(body(1, "nokey@example.com"))).andReturn(), 400);

        assertThat(unitsLeft(deal)).isEqualTo(5);
        assertThat(claimedOrders(deal) + claimedOrders(later)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hot_deal_customer WHERE deal_id IN (?, ?) AND units > 0")
                .params(deal.toString(), later.toString()).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shop_order").query(Integer.class).single()).isEqualTo(orders);
    }

    @Test
    void aRetriedRequestPlacesOneOrder() throws Exception {
        var deal = openDeal(5, 1);
        var key = UUID.randomUUID().toString();
        var first = buy(deal, body(1, "retry@example.com"), key, "en");
        var again = buy(deal, body(1, "retry@example.com"), key, "en");
        assertStatus(first, 201);
        assertStatus(again, 201);
        assertThat(again.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
        assertThat(unitsLeft(deal)).isEqualTo(4);
    }

    @Test
    void aCancelledOrderGivesItsUnitsBackOnceAndTheCustomerMayBuyAgain() throws Exception {
        var deal = openDeal(1, 1);
        var placed = buy(deal, body(1, "cancel@example.com"), UUID.randomUUID().toString(), "en");
        assertStatus(placed, 201);
        assertThat(unitsLeft(deal)).isZero();
        assertProblem(buy(deal, body(1, "late@example.com"), UUID.randomUUID().toString(), "en"), 409,
                "hot-deal/sold-out");
        var json = placed.getResponse().getContentAsString();
        String number = JsonPath.read(json, "$.order.number");
        assertStatus(mvc.perform(post("/api/shop/v1/orders/" + number + "/cancel")
                .header("Order-Token", JsonPath.<String>read(json, "$.accessToken"))).andReturn(), 200);
        await("the units back", () -> unitsLeft(deal) == 1);
        assertThat(jdbc.sql("SELECT units FROM hot_deal_customer WHERE deal_id = ?").param(deal.toString())
                .query(Integer.class).single()).isZero();
        // A second delivery of the event changes nothing.
        assertThat(purchases.release(number)).isFalse();
        assertThat(unitsLeft(deal)).isEqualTo(1);
        assertStatus(buy(deal, body(1, "cancel@example.com"), UUID.randomUUID().toString(), "en"), 201);
        assertThat(unitsLeft(deal)).isZero();
    }

    @Autowired
    HotDealPurchases purchases;

    @Test
    void aFailedPaymentGivesTheUnitsBack() throws Exception {
        var deal = openDeal(3, 1);
        var placed = buy(deal, body(1, "fails@example.com"), UUID.randomUUID().toString(), "en");
        assertStatus(placed, 201);
        assertThat(unitsLeft(deal)).isEqualTo(2);
        var paymentUrl = java.net.URI.create(JsonPath.read(placed.getResponse().getContentAsString(), "$.paymentUrl"));
        assertStatus(mvc.perform(post(paymentUrl.getPath() + "/fail")).andReturn(), 303);
        await("the units back", () -> unitsLeft(deal) == 3);
    }

    @Test
    void theProductPageShowsTheDealsWindowInTheViewersZoneWithACountdownThatNeedsNoScriptToRead() throws Exception {
        var sku = "HS-MAG-300";
        var before = mvc.perform(get("/ko-kr/p/" + sku).header("X-Onshore-TimeZone", "America/New_York")
                .with(EdgeHop.signed())).andReturn().getResponse().getContentAsString();
        assertThat(before).doesNotContain("data-hot-deal");

        var deal = scheduling.schedule(new ScheduleHotDeal(sku, 500, new BigDecimal("25000"), "KRW", 2,
                LocalDateTime.parse("2031-03-01T10:00"), LocalDateTime.parse("2031-03-01T12:00"), null, 600),
                "op-test");
        var seoul = ZoneId.of("Asia/Seoul");
        var newYork = ZoneId.of("America/New_York");
        var korean = java.util.Locale.forLanguageTag("ko-KR");
        var inSeoul = page("/ko-kr/p/" + sku, "Asia/Seoul");
        assertThat(inSeoul).contains("data-hot-deal=\"" + deal.id() + "\"")
                .contains(ViewerTime.format(deal.startsAt(), seoul, korean, ViewerTime.DATE_TIME_ZONE))
                .contains(ViewerTime.format(deal.endsAt(), seoul, korean, ViewerTime.DATE_TIME_ZONE))
                .contains("data-countdown-to=\"2031-03-01T01:00:00Z\"")
                .contains("hot-deal-upcoming").contains("/js/hot-deal").contains("핫딜");
        var inNewYork = page("/ko-kr/p/" + sku + "?tz", "America/New_York");
        var startInNewYork = ViewerTime.format(deal.startsAt(), newYork, korean, ViewerTime.DATE_TIME_ZONE);
        assertThat(startInNewYork).isNotEqualTo(ViewerTime.format(deal.startsAt(), seoul, korean,
                ViewerTime.DATE_TIME_ZONE));
        assertThat(inNewYork).contains(startInNewYork);
        // Without a script the countdown stays hidden; the start and end above are the whole message.
        assertThat(inSeoul).containsPattern("class=\"hot-deal-countdown\" hidden");
    }

    private String page(String path, String zone) throws Exception {
        var result = mvc.perform(get(path).header("X-Onshore-TimeZone", zone).with(EdgeHop.signed())).andReturn();
        assertStatus(result, 200);
        return result.getResponse().getContentAsString();
    }
}
