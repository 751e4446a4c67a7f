package dev.onshore.was.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.was.ShopTestSupport;
import dev.onshore.was.inventory.Stock;
import dev.onshore.was.orders.OrderManagement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

/** Bad input to the buying API: a clear 4xx problem every time, nothing written twice, never a 500. */
class ShopApiRefusalsIntegrationTests extends ShopTestSupport {

    private static final String SKU = "HS-CALMAG-D";

    @Autowired
    Stock stock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrderManagement orders;

    private static void assertProblem(MvcResult result, int status, String type) throws Exception {
        assertStatus(result, status);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(JsonPath.<String>read(result.getResponse().getContentAsString(), "$.type")).endsWith(type);
        assertThat(JsonPath.<String>read(result.getResponse().getContentAsString(), "$.title")).isNotBlank();
    }

    @Test
    void zeroNegativeHugeAndNonNumericQuantitiesAreRefused() throws Exception {
        var token = cart("ID");
        assertProblem(add(token, SKU, 0), 400, "/cart-line/quantity");
        assertProblem(add(token, SKU, -3), 400, "/cart-line/quantity");
        assertProblem(add(token, SKU, Integer.MAX_VALUE), 422, "/cart-line/max-per-order");
        assertProblem(add(token, SKU, "99999999999999999999"), 422, "/cart-line/max-per-order");
        assertProblem(add(token, SKU, "\"two\""), 400, "/invalid-request");
        assertProblem(add(token, SKU, 1.5), 400, "/invalid-request");
        assertProblem(add(token, SKU, "null"), 400, "/invalid-request");
        assertStatus(add(token, SKU, 1), 200);
        assertProblem(mvc.perform(put("/api/shop/v1/cart/lines/" + SKU).header("Cart-Token", token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"quantity\":0}")).andReturn(), 400,
                "/cart-line/quantity");
        var cart = mvc.perform(get("/api/shop/v1/cart").header("Cart-Token", token)).andReturn();
        assertThat(JsonPath.<Integer>read(cart.getResponse().getContentAsString(), "$.lines[0].quantity"))
                .isEqualTo(1);
    }

    @Test
    void unknownUnsellableAndVariantParentSkusAreRefusedAndAVariantCanBeBought() throws Exception {
        var token = cart("ID");
        assertProblem(add(token, "HS-NO-SUCH-THING", 1), 422, "/cart-line/unknown-sku");
        assertProblem(add(token, "<script>", 1), 422, "/cart-line/unknown-sku");
        assertProblem(add(token, "HS-ZINC-30", 1), 422, "/cart-line/unknown-sku"); // no BPOM number: not sold in ID
        assertProblem(add(token, "HS-PROBIO-50B", 1), 422, "/cart-line/variant-required");
        var variant = add(token, "HS-PROBIO-50B-60", 1);
        assertStatus(variant, 200);
        assertThat(JsonPath.<String>read(variant.getResponse().getContentAsString(), "$.lines[0].name"))
                .contains("60");
    }

    @Test
    void moreThanTheStockIsRefusedAsAConflict() throws Exception {
        stock.set(SKU, 3);
        var token = cart("ID");
        var refused = add(token, SKU, 4);
        assertProblem(refused, 409, "/cart-line/insufficient-stock");
        assertThat(JsonPath.<Integer>read(refused.getResponse().getContentAsString(), "$.limit")).isEqualTo(3);
        stock.set(SKU, 500);
    }

    @Test
    void malformedJsonWrongContentTypesAndMissingCartsAreProblems() throws Exception {
        var token = cart("ID");
        assertProblem(mvc.perform(post("/api/shop/v1/cart/lines").header("Cart-Token", token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"sku\": ")).andReturn(), 400, "/invalid-request");
        var wrongType = mvc.perform(post("/api/shop/v1/cart/lines").header("Cart-Token", token)
                .contentType(MediaType.TEXT_PLAIN).content("sku=HS-CALMAG-D")).andReturn();
        assertStatus(wrongType, 415);
        assertThat(wrongType.getResponse().getContentType()).startsWith("application/problem+json");
        assertProblem(add("not-a-cart", SKU, 1), 404, "/unknown-cart");
        assertProblem(mvc.perform(get("/api/shop/v1/cart")).andReturn(), 404, "/unknown-cart");
        assertProblem(mvc.perform(post("/api/shop/v1/cart").contentType(MediaType.APPLICATION_JSON)
                .content("{\"market\":\"XX\"}")).andReturn(), 400, "/invalid-request");
        // In every language the storefront has pages in (Japanese and Thai came later than the rest).
        for (var language : java.util.Map.of("id", "Keranjang tidak dikenal", "ms-MY", "Troli tidak dikenali",
                "ja-JP,ja;q=0.9", "不明なカート", "th", "ไม่รู้จักตะกร้า", "en-US", "Unknown cart").entrySet()) {
            var localized = mvc.perform(get("/api/shop/v1/cart").header("Accept-Language", language.getKey()))
                    .andReturn();
            assertThat(JsonPath.<String>read(localized.getResponse().getContentAsString(), "$.title"))
                    .as("Accept-Language: %s", language.getKey()).isEqualTo(language.getValue());
        }
    }

    @Test
    void anInvalidAddressAnotherCountryAnUnknownMethodOrEmailIsRefusedFieldByField() throws Exception {
        var token = cart("ID");
        assertStatus(add(token, SKU, 1), 200);
        var noPostalCode = checkout("ID").replace("\"postalCode\":\"40115\",", "");
        var refused = mvc.perform(post("/api/shop/v1/checkout").header("Cart-Token", token)
                .contentType(MediaType.APPLICATION_JSON).content(noPostalCode)).andReturn();
        assertProblem(refused, 400, "/checkout/invalid-address");
        assertThat(JsonPath.<String>read(refused.getResponse().getContentAsString(), "$.errors[0].field"))
                .isEqualTo("POSTAL_CODE");
        assertProblem(mvc.perform(post("/api/shop/v1/checkout").header("Cart-Token", token)
                .contentType(MediaType.APPLICATION_JSON).content(checkout("US"))).andReturn(), 422,
                "/checkout/address-outside-market");
        assertProblem(mvc.perform(post("/api/shop/v1/checkout").header("Cart-Token", token)
                .contentType(MediaType.APPLICATION_JSON).content(checkout("ID").replace("standard", "teleport")))
                .andReturn(), 400, "/checkout/unknown-shipping-method");
        var before = stock.available(SKU);
        assertProblem(placeOrder(token, UUID.randomUUID().toString(), checkout("ID").replace("ani@example.com",
                "not an email")), 400, "/checkout/invalid-email");
        assertProblem(placeOrder(token, UUID.randomUUID().toString(), "{\"address\": 12"), 400, "/invalid-request");
        assertThat(stock.available(SKU)).isEqualTo(before);
        var empty = cart("ID");
        assertProblem(placeOrder(empty, UUID.randomUUID().toString(), checkout("ID")), 422, "/checkout/empty-cart");
    }

    @Test
    void anOrderNeedsAnIdempotencyKeyAndTheSameKeyAndBodyReplaysTheFirstAnswer() throws Exception {
        var token = cart("ID");
        assertStatus(add(token, SKU, 1), 200);
        var email = "idem-" + UUID.randomUUID() + "@example.com";
        var body = checkout("ID").replace("ani@example.com", email);
        assertProblem(placeOrder(token, null, body), 400, "/idempotency-key/missing");
        assertProblem(placeOrder(token, "x".repeat(300), body), 400, "/idempotency-key/missing");

        var key = UUID.randomUUID().toString();
        var first = placeOrder(token, key, body);
        assertStatus(first, 201);
        var replay = placeOrder(token, key, body);
        assertStatus(replay, 201);
        assertThat(replay.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
        assertThat(replay.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(ordersTo(email)).isEqualTo(1);

        assertProblem(placeOrder(token, key, body.replace("standard", "express")), 422,
                "/idempotency-key/mismatch");
        assertThat(ordersTo(email)).isEqualTo(1);
    }

    @Test
    void aKeyWhoseFirstRequestStillRunsIsAConflict() throws Exception {
        var token = cart("ID");
        assertStatus(add(token, SKU, 1), 200);
        var body = checkout("ID");
        var key = UUID.randomUUID().toString();
        // The first request with this key is still running (on this node or another), claimed a minute ago by a node
        // of a version before leases (no claim token): it may have placed the order and records nothing, so it is
        // never taken over, lease or not.
        jdbc.sql("""
                INSERT INTO idempotency_key (scope, idem_key, request_hash, state, created_at)
                VALUES (?, ?, ?, 'RUNNING', ?)""").params("orders:cart:" + sha256(token), key, sha256(body), Timestamp
                .from(Instant.now().minusSeconds(60))).update();
        assertProblem(placeOrder(token, key, body), 409, "/idempotency-key/running");
        assertProblem(placeOrder(token, key, body + " "), 422, "/idempotency-key/mismatch");
    }

    @Test
    void aRefusedOrderIsReplayedAsRefusedAndOrdersOfOthersAreNotFound() throws Exception {
        var token = cart("ID");
        var key = UUID.randomUUID().toString();
        var first = placeOrder(token, key, checkout("ID"));
        assertProblem(first, 422, "/checkout/empty-cart");
        assertStatus(add(token, SKU, 1), 200);
        var replay = placeOrder(token, key, checkout("ID"));
        assertProblem(replay, 422, "/checkout/empty-cart");
        assertThat(replay.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
        assertProblem(getOrder("ON000000-NOTHING0", "token"), 404, "/unknown-order");
    }

    @Test
    void shippingAnUnpaidOrderIsAnIllegalTransition() throws Exception {
        var placed = order(SKU, 1);
        String number = JsonPath.read(placed, "$.order.number");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> orders.ship(number, new dev.onshore.was.orders.Shipment("CJ", "1234-5678")))
                .isInstanceOf(dev.onshore.was.orders.IllegalOrderTransitionException.class);
        assertThat(orders.find(number).orElseThrow().status()).isEqualTo(dev.onshore.was.orders.OrderStatus.PLACED);
    }
}
