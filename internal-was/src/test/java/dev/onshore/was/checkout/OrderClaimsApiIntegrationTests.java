package dev.onshore.was.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.was.OperatorsRealm;
import dev.onshore.was.ShopTestSupport;
import dev.onshore.was.catalog.Availability;
import dev.onshore.was.catalog.Operator;
import dev.onshore.was.catalog.ProductVariants;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.inventory.Stock;
import dev.onshore.was.orders.OrderManagement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A shopper's return and exchange through the store API on the real application and MariaDB: orders placed, paid on
 * the sandbox and delivered by an operator; the order's owner only (a member's token, a guest's order token); every
 * refusal its own problem type; one claim per Idempotency-Key; and the operator approving the exchange after.
 */
class OrderClaimsApiIntegrationTests extends ShopTestSupport {

    private static final String PRODUCT = "HS-PROBIO-50B";
    private static final String THIRTY = PRODUCT + "-30";
    private static final String SIXTY = PRODUCT + "-60";
    /** Sold out in the demo catalog. */
    private static final String NINETY = PRODUCT + "-90";

    @Autowired
    Stock stock;

    @Autowired
    OrderManagement orders;

    @Autowired
    ProductVariants variants;

    @Autowired
    JdbcClient jdbc;

    private MvcResult claim(String kind, HeldOrder order, String body) throws Exception {
        return claim(kind, order.number(), order.accessToken(), null, UUID.randomUUID().toString(), body);
    }

    private MvcResult claim(String kind, String number, @Nullable String orderToken, @Nullable String member,
            @Nullable String key, String body) throws Exception {
        var request = post("/api/shop/v1/orders/{number}/" + kind, number).contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "en").content(body);
        if (orderToken != null) {
            request.header("Order-Token", orderToken);
        }
        if (member != null) {
            request.header("Authorization", member);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request).andReturn();
    }

    private static String exchange(String sku, String replacement, Object quantity) {
        return """
                {"sku":"%s","replacementSku":"%s","quantity":%s,"reason":"OTHER_VARIANT",
                 "note":"Thirty is too few for the two of us"}""".formatted(sku, replacement, quantity);
    }

    private static String json(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The problem's status and type (after https://onshore.dev/problems/), then its body for the assertions. */
    private static String assertProblem(MvcResult result, int status, String type) throws Exception {
        assertStatus(result, status);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(JsonPath.<String>read(json(result), "$.type")).isEqualTo("https://onshore.dev/problems/" + type);
        assertThat(JsonPath.<String>read(json(result), "$.title")).isNotBlank();
        return json(result);
    }

    private long exchangeRequests(String number) {
        return orders.find(number).orElseThrow().history().stream()
                .filter(step -> step.status().startsWith("EXCHANGE_REQUESTED")).count();
    }

    @Test
    void aGuestExchangesAVariantOfADeliveredLineAndTheOperatorApprovesItThroughTheAdminApi() throws Exception {
        var order = deliveredOrder(THIRTY, 2, null);
        var before = stock.available(SIXTY);
        var until = JsonPath.<String>read(json(getOrder(order.number(), order.accessToken())), "$.claimableUntil");
        assertThat(Instant.parse(until)).isBetween(Instant.now().plus(Duration.ofDays(13)),
                Instant.now().plus(Duration.ofDays(15)));

        var requested = claim("exchange", order, exchange(THIRTY, SIXTY.toLowerCase(java.util.Locale.ROOT), 1));
        assertStatus(requested, 200);
        assertThat(JsonPath.<String>read(json(requested), "$.exchange.status")).isEqualTo("REQUESTED");
        assertThat(JsonPath.<String>read(json(requested), "$.exchange.replacementSku")).isEqualTo(SIXTY);
        assertThat(JsonPath.<Integer>read(json(requested), "$.exchange.quantity")).isEqualTo(1);
        assertThat(JsonPath.<String>read(json(requested), "$.exchange.grounds.reason")).isEqualTo("OTHER_VARIANT");
        assertThat(JsonPath.<String>read(json(requested), "$.exchange.grounds.note"))
                .isEqualTo("Thirty is too few for the two of us");
        assertThat(JsonPath.<Object>read(json(requested), "$.claimableUntil")).isNull();
        assertThat(stock.available(SIXTY)).as("the replacement is taken on approval only").isEqualTo(before);
        // The note is kept encrypted, like the address.
        assertThat(jdbc.sql("SELECT exchange_note FROM shop_order WHERE number = ?").param(order.number())
                .query(String.class).single()).doesNotContain("Thirty").startsWith("pii1:");

        var approved = mvc.perform(post("/api/admin/orders/{number}/exchange/approval", order.number())
                .header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator", "kim")
                .header("X-Onshore-Operator-Roles", "ORDER_MANAGER")).andReturn();
        assertStatus(approved, 200);
        assertThat(JsonPath.<String>read(json(approved), "$.exchange.status")).isEqualTo("APPROVED");
        assertThat(JsonPath.<String>read(json(approved), "$.exchange.grounds.reason")).isEqualTo("OTHER_VARIANT");
        assertThat(stock.available(SIXTY)).isEqualTo(before - 1);
        assertThat(JsonPath.<String>read(json(getOrder(order.number(), order.accessToken())), "$.exchange.status"))
                .isEqualTo("APPROVED");
    }

    @Test
    void aMemberReturnsTheirDeliveredOrderWithAReasonAndNobodyElseCan() throws Exception {
        var member = OperatorsRealm.shopperToken("member-" + UUID.randomUUID());
        var order = deliveredOrder("HS-COLLAGEN-TAB", 1, member);
        var body = """
                {"reason":"DAMAGED","note":"The seal was broken"}""";

        var stranger = OperatorsRealm.shopperToken("member-" + UUID.randomUUID());
        var notYours = assertProblem(claim("return", order.number(), null, stranger, "k-1", body), 404,
                "unknown-order");
        var nobody = assertProblem(claim("return", order.number(), null, null, "k-1", body), 404, "unknown-order");
        var guessed = assertProblem(claim("return", order.number(), "not-the-token", null, "k-1", body), 404,
                "unknown-order");
        var unknown = assertProblem(claim("return", "ON000000-NOSUCH00", null, member, "k-1", body), 404,
                "unknown-order");
        assertThat(notYours).as("another shopper's order looks like no order at all").isEqualTo(nobody)
                .isEqualTo(guessed);
        assertThat(JsonPath.<String>read(notYours, "$.detail")).isEqualTo(JsonPath.read(unknown, "$.detail"));
        assertProblem(claim("exchange", order.number(), null, stranger, "k-2", exchange("HS-COLLAGEN-TAB",
                "HS-COLLAGEN-TAB", 1)), 404, "unknown-order");
        assertThat(orders.find(order.number()).orElseThrow().returnStatus()).isNull();

        var returned = claim("return", order.number(), null, member, "k-1", body);
        assertStatus(returned, 200);
        assertThat(JsonPath.<String>read(json(returned), "$.returnStatus")).isEqualTo("REQUESTED");
        assertThat(JsonPath.<String>read(json(returned), "$.returnGrounds.reason")).isEqualTo("DAMAGED");
        assertThat(orders.find(order.number()).orElseThrow().returnGrounds().note()).isEqualTo("The seal was broken");
    }

    @Test
    void anOrderNotDeliveredYetIsRefusedForBothClaims() throws Exception {
        var order = paidOrder(THIRTY, 1, null);
        var early = assertProblem(claim("exchange", order, exchange(THIRTY, SIXTY, 1)), 409, "claim/not-delivered");
        assertThat(JsonPath.<String>read(early, "$.orderStatus")).isEqualTo("PAID");
        assertThat(JsonPath.<String>read(early, "$.detail")).contains(order.number());
        assertProblem(claim("return", order, "{\"reason\":\"CHANGED_MIND\"}"), 409, "claim/not-delivered");
        assertThat(orders.find(order.number()).orElseThrow().exchange()).isNull();
    }

    @Test
    void theLineTheQuantityAndTheReplacementAreEachRefusedWithTheirOwnProblem() throws Exception {
        var order = deliveredOrder(THIRTY, 2, null);

        var noLine = assertProblem(claim("exchange", order, exchange("HS-VITC-1000", "HS-VITC-1000", 1)), 422,
                "claim/unknown-line");
        assertThat(JsonPath.<String>read(noLine, "$.sku")).isEqualTo("HS-VITC-1000");
        var tooMany = assertProblem(claim("exchange", order, exchange(THIRTY, SIXTY, 3)), 422,
                "claim/quantity-too-large");
        assertThat(JsonPath.<Integer>read(tooMany, "$.limit")).isEqualTo(2);
        assertProblem(claim("exchange", order, exchange(THIRTY, "HS-VITC-1000", 1)), 422,
                "claim/replacement-other-product");
        assertProblem(claim("exchange", order, exchange(THIRTY, NINETY, 1)), 409, "claim/replacement-out-of-stock");
        var left = stock.available(SIXTY);
        stock.set(SIXTY, 1);
        try {
            var outOfStock = assertProblem(claim("exchange", order, exchange(THIRTY, SIXTY, 2)), 409,
                    "claim/replacement-out-of-stock");
            assertThat(JsonPath.<String>read(outOfStock, "$.replacementSku")).isEqualTo(SIXTY);
        } finally {
            stock.set(SIXTY, left);
        }
        // A variant the operators discontinued is not sold in the order's market any more.
        var definition = variants.variants(new Sku(PRODUCT));
        var withDiscontinued = new ArrayList<>(definition.variants());
        withDiscontinued.add(new ProductVariants.Variant("120", Map.of("en", "120 capsules"), null, Map.of(),
                Availability.DISCONTINUED));
        variants.defineVariants(new Sku(PRODUCT), new ProductVariants.Definition(definition.optionCode(),
                definition.optionLabels(), withDiscontinued), new Operator("it-editor"));
        try {
            assertProblem(claim("exchange", order, exchange(THIRTY, PRODUCT + "-120", 1)), 422,
                    "claim/replacement-not-sold");
        } finally {
            variants.defineVariants(new Sku(PRODUCT), definition, new Operator("it-editor"));
        }

        var badReason = assertProblem(claim("exchange", order, exchange(THIRTY, SIXTY, 1).replace("OTHER_VARIANT",
                "BORED")), 400, "invalid-request");
        assertThat(JsonPath.<String>read(badReason, "$.field")).isEqualTo("reason");
        assertThat(JsonPath.<String>read(assertProblem(claim("exchange", order, exchange(THIRTY, SIXTY, "1.5")), 400,
                "invalid-request"), "$.field")).isEqualTo("quantity");
        assertThat(JsonPath.<String>read(assertProblem(claim("return", order, "{\"reason\":\"DAMAGED\",\"note\":\""
                + "x".repeat(501) + "\"}"), 400, "invalid-request"), "$.field")).isEqualTo("note");
        assertProblem(claim("exchange", order.number(), order.accessToken(), null, null, exchange(THIRTY, SIXTY, 1)),
                400, "idempotency-key/missing");
        assertThat(orders.find(order.number()).orElseThrow().exchange()).as("every refusal changed nothing").isNull();
    }

    @Test
    void aSecondClaimIsRefusedAsAlreadyClaimedAndALateOneAsOutOfTheWindow() throws Exception {
        var claimed = deliveredOrder(THIRTY, 1, null);
        assertStatus(claim("exchange", claimed, exchange(THIRTY, SIXTY, 1)), 200);
        var again = assertProblem(claim("exchange", claimed, exchange(THIRTY, THIRTY, 1)), 409,
                "claim/already-claimed");
        assertThat(JsonPath.<String>read(again, "$.orderStatus")).isEqualTo("DELIVERED/EXCHANGE_REQUESTED");
        assertProblem(claim("return", claimed, "{\"reason\":\"CHANGED_MIND\"}"), 409, "claim/already-claimed");

        var late = deliveredOrder(THIRTY, 1, null);
        var deliveredAt = Instant.now().minus(Duration.ofDays(15));
        jdbc.sql("""
                UPDATE shop_order_history SET at = ? WHERE status = 'DELIVERED'
                  AND order_id = (SELECT id FROM shop_order WHERE number = ?)""")
                .params(Timestamp.from(deliveredAt), late.number()).update();
        var closed = assertProblem(claim("exchange", late, exchange(THIRTY, SIXTY, 1)), 409, "claim/window-closed");
        assertThat(Instant.parse(JsonPath.read(closed, "$.closedAt"))).isBetween(
                deliveredAt.plus(Duration.ofDays(14)).minusSeconds(1), deliveredAt.plus(Duration.ofDays(14))
                        .plusSeconds(1));
        assertProblem(claim("return", late, "{\"reason\":\"CHANGED_MIND\"}"), 409, "claim/window-closed");
        assertThat(JsonPath.<Object>read(json(getOrder(late.number(), late.accessToken())), "$.claimableUntil"))
                .isNull();
    }

    @Test
    void aDoubleSubmitWithOneIdempotencyKeyAsksOnceAndReplaysTheAnswer() throws Exception {
        var order = deliveredOrder(THIRTY, 2, null);
        var key = UUID.randomUUID().toString();
        var body = exchange(THIRTY, SIXTY, 2);
        var first = claim("exchange", order.number(), order.accessToken(), null, key, body);
        var second = claim("exchange", order.number(), order.accessToken(), null, key, body);
        assertStatus(first, 200);
        assertStatus(second, 200);
        assertThat(second.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(json(second)).isEqualTo(json(first));
        assertThat(exchangeRequests(order.number())).isEqualTo(1);
        assertProblem(claim("exchange", order.number(), order.accessToken(), null, key, exchange(THIRTY, SIXTY, 1)),
                422, "idempotency-key/mismatch");
        assertThat(exchangeRequests(order.number())).isEqualTo(1);
        assertStatus(mvc.perform(get("/api/shop/v1/orders/" + order.number()).header("Order-Token",
                order.accessToken())).andReturn(), 200);
    }

    /**
     * A claim is recorded under its key in the order's transaction; a node that recorded a return and died before
     * answering leaves the key so, and a retry after the lease answers with the order (its return requested)
     * instead of refusing it as already claimed.
     */
    @Test
    void aRetryAfterADeadNodesLeaseAnswersWithTheClaimItRecorded() throws Exception {
        var answered = deliveredOrder(THIRTY, 1, null);
        var key = UUID.randomUUID().toString();
        var body = "{\"reason\":\"CHANGED_MIND\"}";
        assertStatus(claim("return", answered.number(), answered.accessToken(), null, key, body), 200);
        assertThat(jdbc.sql("SELECT effect_ref FROM idempotency_key WHERE idem_key = ?").param(key)
                .query(String.class).single()).as("the claim recorded in its transaction").isEqualTo(answered.number());

        // The node that took this key asked for the return, recorded it and died before answering.
        var died = deliveredOrder(THIRTY, 1, null);
        var deadKey = UUID.randomUUID().toString();
        orders.requestReturn(died.number(), new dev.onshore.was.orders.ClaimGrounds(
                dev.onshore.was.orders.ClaimReason.CHANGED_MIND, null));
        jdbc.sql("""
                INSERT INTO idempotency_key (scope, idem_key, request_hash, state, created_at, claim_token, lease_until,
                  effect_ref)
                VALUES (?, ?, ?, 'EFFECTED', ?, ?, ?, ?)""").params(
                "claims:" + died.number() + ":return:order:" + sha256(died.accessToken()), deadKey, sha256(body),
                Timestamp.from(Instant.now().minusSeconds(60)), UUID.randomUUID().toString(),
                Timestamp.from(Instant.now().minusSeconds(30)), died.number()).update();
        var retried = claim("return", died.number(), died.accessToken(), null, deadKey, body);
        assertStatus(retried, 200);
        assertThat(retried.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(JsonPath.<String>read(json(retried), "$.returnStatus")).isEqualTo("REQUESTED");
    }
}
