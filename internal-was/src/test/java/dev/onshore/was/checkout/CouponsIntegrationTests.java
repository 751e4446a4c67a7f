package dev.onshore.was.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.was.OperatorsRealm;
import dev.onshore.was.ShopTestSupport;
import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.inventory.Stock;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Coupons from the admin API to the quote and the order: the discount in the breakdown, every refusal a 4xx problem
 * in the shopper's language naming its reason, and a per-customer limit that parallel checkouts cannot beat.
 */
class CouponsIntegrationTests extends ShopTestSupport {

    private static final String SKU = "HS-VITC-1000";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Stock stock;

    @Autowired
    ProductCatalog catalog;

    private MvcResult issue(String json) throws Exception {
        return mvc.perform(post("/api/admin/coupons").header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator-Roles", "CONTENT_MANAGER")
                .header("X-Onshore-Operator", "mina").contentType(MediaType.APPLICATION_JSON).content(json))
                .andReturn();
    }

    private static String code() {
        return "IT" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private MvcResult quote(String token, String body) throws Exception {
        return mvc.perform(post("/api/shop/v1/checkout").header("Cart-Token", token).header("Accept-Language", "id-ID")
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }

    private static String withCoupon(String code, String email) {
        return checkout("ID").replace("\"shippingMethod\"", "\"coupon\":\"" + code + "\",\"shippingMethod\"")
                .replace("ani@example.com", email);
    }

    private String cartWith(int quantity) throws Exception {
        var token = cart("ID");
        assertStatus(add(token, SKU, quantity), 200);
        return token;
    }

    @Test
    void aPercentCouponShowsInTheQuoteAndTheOrderAndItsUseIsRecordedWithTheOrder() throws Exception {
        var code = code();
        assertStatus(issue("""
                {"code":"%s","market":"ID","kind":"percent","value":10,"perCustomerLimit":1}""".formatted(code)), 201);
        var price = catalog.findForShopper(new Sku(SKU), "ID", "id").orElseThrow().price();
        var subtotal = price.multiply(BigDecimal.valueOf(2));
        var token = cartWith(2);
        var email = "coupon-" + UUID.randomUUID() + "@example.com";

        var quoted = quote(token, withCoupon(code.toLowerCase(Locale.ROOT), email));
        assertStatus(quoted, 200);
        var body = quoted.getResponse().getContentAsString();
        var discount = new BigDecimal(JsonPath.<String>read(body, "$.discount.amount"));
        assertThat(JsonPath.<String>read(body, "$.coupon")).isEqualTo(code);
        assertThat(discount).isEqualByComparingTo(subtotal.movePointLeft(1).setScale(0, java.math.RoundingMode.DOWN));
        assertThat(new BigDecimal(JsonPath.<String>read(body, "$.total.amount"))).isEqualByComparingTo(subtotal
                .subtract(discount).add(new BigDecimal(JsonPath.<String>read(body, "$.shipping.amount"))));
        assertThat(JsonPath.<String>read(body, "$.dutiesNote")).startsWith("Bea masuk");

        var placed = placeOrder(token, UUID.randomUUID().toString(), withCoupon(code, email));
        assertStatus(placed, 201);
        var order = placed.getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(order, "$.order.coupon")).isEqualTo(code);
        assertThat(JsonPath.<String>read(order, "$.order.total.amount")).isEqualTo(JsonPath.read(body, "$.total.amount"));
        assertThat(jdbc.sql("SELECT order_number FROM coupon_redemption WHERE code = ?").param(code)
                .query(String.class).list()).containsExactly(JsonPath.<String>read(order, "$.order.number"));

        // Used once: the same shopper again is over the limit, in Indonesian, and nothing is ordered.
        var again = cartWith(1);
        var before = stock.available(SKU);
        var refused = mvc.perform(post("/api/shop/v1/orders").header("Cart-Token", again)
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("Accept-Language", "id-ID")
                .contentType(MediaType.APPLICATION_JSON).content(withCoupon(code, email.toUpperCase(Locale.ROOT))))
                .andReturn();
        assertProblem(refused, 422, "limit-reached", "Kupon sudah digunakan");
        assertThat(stock.available(SKU)).isEqualTo(before);
        assertThat(ordersTo(email)).isEqualTo(1);

        var list = mvc.perform(get("/api/admin/coupons").header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator-Roles", "CONTENT_MANAGER"))
                .andReturn();
        assertStatus(list, 200);
        assertThat(JsonPath.<List<Integer>>read(list.getResponse().getContentAsString(),
                "$[?(@.code == '" + code + "')].redemptions")).containsExactly(1);
    }

    @Test
    void aCancelledOrderGivesItsCouponBackSoItCountsNoMoreAgainstTheCustomersLimit() throws Exception {
        var code = code();
        assertStatus(issue("""
                {"code":"%s","market":"ID","kind":"amount","value":5000,"perCustomerLimit":2}""".formatted(code)), 201);
        var email = "give-back-" + UUID.randomUUID() + "@example.com";
        var first = placeOrder(cartWith(1), UUID.randomUUID().toString(), withCoupon(code, email));
        assertStatus(first, 201);
        assertStatus(placeOrder(cartWith(1), UUID.randomUUID().toString(), withCoupon(code, email)), 201);
        assertThat(placeOrder(cartWith(1), UUID.randomUUID().toString(), withCoupon(code, email)).getResponse()
                .getStatus()).isEqualTo(422);

        var json = first.getResponse().getContentAsString();
        String number = JsonPath.read(json, "$.order.number");
        assertStatus(mvc.perform(post("/api/shop/v1/orders/" + number + "/cancel")
                .header("Order-Token", JsonPath.<String>read(json, "$.accessToken"))).andReturn(), 200);
        await("the coupon given back", () -> redemptions(code) == 1);
        assertThat(jdbc.sql("SELECT slot FROM coupon_redemption WHERE code = ?").param(code).query(Integer.class)
                .list()).containsExactly(1);

        // The slot is free again: one more order with the coupon, and then the limit holds as before.
        assertStatus(placeOrder(cartWith(1), UUID.randomUUID().toString(), withCoupon(code, email)), 201);
        var over = placeOrder(cartWith(1), UUID.randomUUID().toString(), withCoupon(code, email));
        assertStatus(over, 422);
        assertThat(JsonPath.<String>read(over.getResponse().getContentAsString(), "$.reason"))
                .isEqualTo("limit-reached");
        assertThat(redemptions(code)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM coupon_redemption WHERE order_number = ?").param(number)
                .query(Integer.class).single()).isZero();
    }

    private int redemptions(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM coupon_redemption WHERE code = ?").param(code).query(Integer.class)
                .single();
    }

    @Test
    void parallelCheckoutsOfOneShopperWithAOnceOnlyCouponPlaceExactlyOneOrder() throws Exception {
        var code = code();
        assertStatus(issue("""
                {"code":"%s","market":"ID","kind":"amount","value":20000}""".formatted(code)), 201);
        var email = "race-" + UUID.randomUUID() + "@example.com";
        var carts = new ArrayList<String>();
        for (int i = 0; i < 6; i++) {
            carts.add(cartWith(1));
        }
        var start = new CountDownLatch(1);
        var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
        List<Future<?>> runs = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(carts.size())) {
            for (var token : carts) {
                runs.add(pool.submit(() -> {
                    start.await();
                    var result = placeOrder(token, UUID.randomUUID().toString(), withCoupon(code, email));
                    statuses.computeIfAbsent(result.getResponse().getStatus(), status -> new AtomicInteger())
                            .incrementAndGet();
                    if (result.getResponse().getStatus() != 201) {
                        assertThat(JsonPath.<String>read(result.getResponse().getContentAsString(), "$.reason"))
                                .isEqualTo("limit-reached");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var run : runs) {
                run.get();
            }
        }
        assertThat(statuses.keySet()).containsOnly(201, 422);
        assertThat(statuses.get(201).get()).isEqualTo(1);
        assertThat(ordersTo(email)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM coupon_redemption WHERE code = ?").param(code).query(Integer.class)
                .single()).isEqualTo(1);
    }

    @Test
    void unknownExpiredNotYetValidWrongMarketBelowMinimumAndDisabledCouponsAreRefusedByName() throws Exception {
        var token = cartWith(1);
        var email = "refused-" + UUID.randomUUID() + "@example.com";
        assertProblem(quote(token, withCoupon("NO-SUCH-COUPON", email)), 404, "unknown", "Kupon tidak dikenal");

        var jakarta = LocalDateTime.now(ZoneId.of("Asia/Jakarta"));
        var expired = code();
        assertStatus(issue("""
                {"code":"%s","market":"ID","kind":"percent","value":5,"validFrom":"%s","validUntil":"%s"}"""
                .formatted(expired, jakarta.minusDays(10).withNano(0), jakarta.minusMinutes(1).withNano(0))), 201);
        assertProblem(quote(token, withCoupon(expired, email)), 422, "expired", "Kupon kedaluwarsa");

        var later = code();
        assertStatus(issue("""
                {"code":"%s","market":"ID","kind":"percent","value":5,"validFrom":"%s"}"""
                .formatted(later, jakarta.plusDays(1).withNano(0))), 201);
        assertProblem(quote(token, withCoupon(later, email)), 422, "not-yet-valid", "Kupon belum berlaku");

        var american = code();
        assertStatus(issue("""
                {"code":"%s","market":"US","kind":"amount","value":5}""".formatted(american)), 201);
        assertProblem(quote(token, withCoupon(american, email)), 422, "wrong-market",
                "Kupon tidak berlaku di negara ini");

        var big = code();
        assertStatus(issue("""
                {"code":"%s","market":"ID","kind":"amount","value":50000,"minimumOrder":100000000}"""
                .formatted(big)), 201);
        var below = quote(token, withCoupon(big, email));
        assertProblem(below, 422, "below-minimum", "Pesanan terlalu kecil untuk kupon ini");
        assertThat(JsonPath.<String>read(below.getResponse().getContentAsString(), "$.detail"))
                .contains("Rp").contains("100.000.000");
        assertThat(JsonPath.<String>read(below.getResponse().getContentAsString(), "$.minimum.amount"))
                .isEqualTo("100000000");

        var withdrawn = code();
        assertStatus(issue("""
                {"code":"%s","market":"ID","kind":"percent","value":5}""".formatted(withdrawn)), 201);
        assertStatus(quote(token, withCoupon(withdrawn, email)), 200);
        assertStatus(mvc.perform(post("/api/admin/coupons/" + withdrawn + "/disable")
                .header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator-Roles", "CONTENT_MANAGER").header("X-Onshore-Operator", "mina"))
                .andReturn(), 200);
        assertProblem(quote(token, withCoupon(withdrawn, email)), 422, "disabled", "Kupon tidak tersedia lagi");
    }

    @Test
    void theAdminApiRefusesInvalidCouponsDuplicatesUnknownCodesAndCallersWithoutAServiceToken() throws Exception {
        var invalid = issue("""
                {"code":"x","market":"ID","kind":"percent","value":95,"perCustomerLimit":0}""");
        assertStatus(invalid, 400);
        assertThat(JsonPath.<List<String>>read(invalid.getResponse().getContentAsString(), "$.errors[*].field"))
                .containsExactlyInAnyOrder("code", "value", "perCustomerLimit");
        assertStatus(issue("""
                {"code":"NOWHERE1","market":"ZZ","kind":"amount","value":5}"""), 400);
        var code = code();
        assertStatus(issue("""
                {"code":"%s","market":"ID","kind":"amount","value":5000}""".formatted(code)), 201);
        var duplicate = issue("""
                {"code":"%s","market":"ID","kind":"amount","value":5000}""".formatted(code));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'coupon.issue' AND target = ?"
                + " AND actor = 'mina'").param("coupon:" + code).query(Integer.class).single()).isOne();
        assertStatus(duplicate, 400);
        assertThat(duplicate.getResponse().getContentAsString()).contains("duplicate");
        assertStatus(mvc.perform(post("/api/admin/coupons/NO-SUCH/disable")
                .header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator-Roles", "CONTENT_MANAGER").header("X-Onshore-Operator", "mina"))
                .andReturn(), 404);
        for (var time = 0; time < 2; time++) {
            assertStatus(mvc.perform(post("/api/admin/coupons/" + code + "/disable")
                    .header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator-Roles", "CONTENT_MANAGER")
                    .header("X-Onshore-Operator", "mina")).andReturn(), 200);
        }
        // disabling it again changes nothing, so only the first disabling is a change to audit
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'coupon.disable' AND target = ?")
                .param("coupon:" + code).query(Integer.class).single()).isOne();
        var listed = mvc.perform(get("/api/admin/coupons").header("Authorization", OperatorsRealm.serviceToken())
                .header("X-Onshore-Operator-Roles", "FINANCE").header("X-Onshore-Operator", "fin")).andReturn();
        assertStatus(listed, 200);
        // the window is in the market's local time: the list says which zone that is
        assertThat(JsonPath.<List<String>>read(listed.getResponse().getContentAsString(),
                "$[?(@.code == '" + code + "')].zone")).containsExactly("Asia/Jakarta");
        assertStatus(mvc.perform(post("/api/admin/coupons/" + code + "/disable")
                .header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator-Roles", "FINANCE")
                .header("X-Onshore-Operator", "fin")).andReturn(), 403);
        assertStatus(mvc.perform(post("/api/admin/coupons").contentType(MediaType.APPLICATION_JSON).content("""
                {"code":"SNEAKY1","market":"ID","kind":"amount","value":5000}""")).andReturn(), 401);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM coupon WHERE code = 'SNEAKY1'").query(Integer.class).single())
                .isZero();
    }

    @Test
    void economyShippingIsPricedByTheParcelsWeight() throws Exception {
        var light = cartWith(1); // 250 g: the first band
        var heavy = cartWith(5); // 1250 g: the second band
        var body = checkout("ID").replace("\"standard\"", "\"economy\"");
        assertThat(JsonPath.<String>read(quote(light, body).getResponse().getContentAsString(), "$.shipping.amount"))
                .isEqualTo("20000");
        assertThat(JsonPath.<String>read(quote(heavy, body).getResponse().getContentAsString(), "$.shipping.amount"))
                .isEqualTo("35000");
    }

    private static void assertProblem(MvcResult result, int status, String reason, String title) throws Exception {
        assertStatus(result, status);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        var body = result.getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(body, "$.type")).endsWith("/coupon/" + reason);
        assertThat(JsonPath.<String>read(body, "$.reason")).isEqualTo(reason);
        assertThat(JsonPath.<String>read(body, "$.title")).isEqualTo(title);
    }
}
