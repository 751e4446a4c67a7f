package dev.onshore.was.orders.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.was.OperatorsRealm;
import dev.onshore.was.ShopTestSupport;
import dev.onshore.was.orders.OrderDesk;
import dev.onshore.was.orders.OrderManagement;
import dev.onshore.was.orders.OrderShipped;
import dev.onshore.was.orders.OrderStatus;
import dev.onshore.was.orders.Shipment;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The orders' admin API on the real application and MariaDB, with real signed service tokens: searches, the moves
 * an operator makes with their timeline, audit rows and events, refusals (409 for a move the state does not allow,
 * 400 for bad input, 403 for a role that may not), and refunds through the sandbox gateway.
 */
@RecordApplicationEvents
class OrdersAdminIntegrationTests extends ShopTestSupport {

    private static final String SKU = "HS-VITC-1000";

    @Autowired
    OrderManagement orders;

    @Autowired
    OrderDesk desk;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEvents events;

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String operator, String roles) {
        return request.header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator", operator)
                .header("X-Onshore-Operator-Roles", roles).header("Accept-Language", "en");
    }

    private MvcResult call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(as(request, "kim", "ORDER_MANAGER")).andReturn();
    }

    private MvcResult postJson(String path, String body, String operator, String roles) throws Exception {
        return mvc.perform(as(post(path), operator, roles).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn();
    }

    /** A new order in Indonesia, paid through the sandbox; its number. */
    private String paidOrder() throws Exception {
        var body = order(SKU, 1);
        String number = JsonPath.read(body, "$.order.number");
        var paymentUrl = URI.create(JsonPath.read(body, "$.paymentUrl"));
        assertStatus(mvc.perform(post(paymentUrl.getPath() + "/pay")).andReturn(), 303);
        await("the order to be paid", () -> orders.find(number).orElseThrow().status() == OrderStatus.PAID);
        return number;
    }

    private long auditRows(String number) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE target = ?").param("order:" + number)
                .query(Long.class).single();
    }

    private static String json(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    @Test
    void anOperatorPreparesShipsAndDeliversAnOrderWithATimelineAuditRowsAndAShippedEvent() throws Exception {
        var number = paidOrder();
        assertStatus(call(post("/api/admin/orders/" + number + "/preparation")), 200);
        var shipped = postJson("/api/admin/orders/" + number + "/shipment",
                "{\"carrier\":\"CJ대한통운\",\"trackingNumber\":\"6012-3456-7890\"}", "kim", "ORDER_MANAGER");
        assertStatus(shipped, 200);
        assertThat(JsonPath.<String>read(json(shipped), "$.status")).isEqualTo("SHIPPED");
        assertThat(JsonPath.<String>read(json(shipped), "$.shipment.trackingNumber")).isEqualTo("6012-3456-7890");
        assertStatus(call(post("/api/admin/orders/" + number + "/delivery")), 200);

        var detail = json(call(get("/api/admin/orders/" + number)));
        assertThat(JsonPath.<List<String>>read(detail, "$.history[*].status"))
                .containsExactly("PLACED", "PAID", "PREPARING", "SHIPPED", "DELIVERED");
        assertThat(JsonPath.<List<String>>read(detail, "$.history[2:].by")).containsOnly("kim");
        assertThat(JsonPath.<String>read(detail, "$.shipment.carrier")).isEqualTo("CJ대한통운");

        var audit = jdbc.sql("SELECT action, actor, before_json, after_json FROM audit_entry WHERE target = ?"
                + " ORDER BY id").param("order:" + number).query((rs, row) -> List.of(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4))).list();
        assertThat(audit).extracting(row -> row.get(0))
                .containsExactly("order.prepare", "order.ship", "order.deliver");
        assertThat(audit).extracting(row -> row.get(1)).containsOnly("kim");
        assertThat(audit.get(1).get(2)).contains("PREPARING");
        assertThat(audit.get(1).get(3)).contains("SHIPPED").contains("6012-3456-7890");

        // The shopper's email follows this event (notification area; externalized to Kafka in production).
        assertThat(events.stream(OrderShipped.class).filter(event -> event.orderNumber().equals(number)))
                .singleElement().satisfies(event -> {
                    assertThat(event.carrier()).isEqualTo("CJ대한통운");
                    assertThat(event.trackingNumber()).isEqualTo("6012-3456-7890");
                });
    }

    @Test
    void aMoveTheOrdersStateDoesNotAllowIsAConflictThatChangesAndAuditsNothing() throws Exception {
        var number = paidOrder();
        var shipUnprepared = postJson("/api/admin/orders/" + number + "/shipment",
                "{\"carrier\":\"JNE\",\"trackingNumber\":\"JNE-0001\"}", "kim", "ORDER_MANAGER");
        assertStatus(shipUnprepared, 409);
        assertThat(shipUnprepared.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(JsonPath.<String>read(json(shipUnprepared), "$.type")).endsWith("/illegal-order-transition");
        assertThat(JsonPath.<Integer>read(json(shipUnprepared), "$.status")).as("RFC 9457: the HTTP status").isEqualTo(409);
        assertThat(JsonPath.<String>read(json(shipUnprepared), "$.orderStatus")).isEqualTo("PAID");
        assertStatus(call(post("/api/admin/orders/" + number + "/delivery")), 409);
        assertStatus(call(post("/api/admin/orders/" + number + "/return/approval")), 409);
        assertThat(orders.find(number).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
        assertThat(auditRows(number)).isZero();

        var unknown = call(get("/api/admin/orders/ON000000-NOSUCHXX"));
        assertStatus(unknown, 404);
        assertThat(JsonPath.<String>read(json(unknown), "$.type")).endsWith("/order-not-found");
        assertStatus(call(post("/api/admin/orders/ON000000-NOSUCHXX/preparation")), 404);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsSaved() throws Exception {
        var number = paidOrder();
        assertStatus(call(post("/api/admin/orders/" + number + "/preparation")), 200);
        var bad = postJson("/api/admin/orders/" + number + "/shipment", "{\"carrier\":\" \",\"trackingNumber\":\"<x>\"}",
                "kim", "ORDER_MANAGER");
        assertStatus(bad, 400);
        assertThat(JsonPath.<List<String>>read(json(bad), "$.errors[*].field"))
                .containsExactlyInAnyOrder("carrier", "trackingNumber");
        var search = call(get("/api/admin/orders").param("status", "LOST").param("from", "2026-13-01")
                .param("size", "0").param("market", "indonesia"));
        assertStatus(search, 400);
        assertThat(JsonPath.<List<String>>read(json(search), "$.errors[*].field"))
                .containsExactlyInAnyOrder("status", "from", "size", "market");
        var tooMuch = postJson("/api/admin/orders/" + number + "/refunds", "{\"amount\":999999999,\"reason\":\"\"}",
                "kim", "ORDER_MANAGER");
        assertStatus(tooMuch, 400);
        assertThat(JsonPath.<List<String>>read(json(tooMuch), "$.errors[*].field"))
                .containsExactlyInAnyOrder("amount", "reason");
        assertThat(orders.find(number).orElseThrow().status()).isEqualTo(OrderStatus.PREPARING);
        assertThat(auditRows(number)).isEqualTo(1);
    }

    @Test
    void rolesDecideWhoMayReadMoveAndRefund() throws Exception {
        var number = paidOrder();
        assertStatus(mvc.perform(as(get("/api/admin/orders/" + number), "vera", "VIEWER")).andReturn(), 200);
        assertStatus(mvc.perform(as(post("/api/admin/orders/" + number + "/preparation"), "vera", "VIEWER"))
                .andReturn(), 403);
        assertStatus(mvc.perform(as(get("/api/admin/orders"), "carl", "CATALOG_MANAGER")).andReturn(), 403);
        assertStatus(mvc.perform(as(get("/api/admin/orders/" + number), "fin", "FINANCE")).andReturn(), 200);
        assertStatus(mvc.perform(as(post("/api/admin/orders/" + number + "/preparation"), "fin", "FINANCE"))
                .andReturn(), 403);
        assertThat(orders.find(number).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
        assertStatus(postJson("/api/admin/orders/" + number + "/refunds", "{\"amount\":1000,\"reason\":\"goodwill\"}",
                "fin", "FINANCE"), 200);
        assertStatus(mvc.perform(as(post("/api/admin/orders/" + number + "/preparation"), "ada", "ADMIN"))
                .andReturn(), 200);
    }

    @Test
    void aPartialRefundGoesThroughTheProviderAndTheOrderCountsAsRefunded() throws Exception {
        var number = paidOrder();
        var total = orders.find(number).orElseThrow().total().amount();
        var half = total.divide(BigDecimal.valueOf(2)).setScale(0, java.math.RoundingMode.DOWN);
        assertStatus(postJson("/api/admin/orders/" + number + "/refunds",
                "{\"amount\":" + half.toPlainString() + ",\"reason\":\"one bottle broken\"}", "kim", "ORDER_MANAGER"),
                200);
        await("the refund", () -> orders.find(number).orElseThrow().refunded().amount().compareTo(half) == 0);
        var refunded = json(call(get("/api/admin/orders").param("payment", "REFUNDED").param("size", "200")));
        assertThat(JsonPath.<List<String>>read(refunded, "$.orders[*].number")).contains(number);
        assertThat(auditRows(number)).isEqualTo(1);
        // What is left may be refunded, not more.
        assertStatus(postJson("/api/admin/orders/" + number + "/refunds",
                "{\"amount\":" + total.toPlainString() + ",\"reason\":\"again\"}", "kim", "ORDER_MANAGER"), 400);
    }

    @Test
    void cancellingAPaidOrderRefundsItInFullAndAReturnIsRefundedWhenReceived() throws Exception {
        var cancelled = paidOrder();
        var response = postJson("/api/admin/orders/" + cancelled + "/cancellation", "{\"reason\":\"out of stock\"}",
                "kim", "ORDER_MANAGER");
        assertStatus(response, 200);
        assertThat(JsonPath.<String>read(json(response), "$.status")).isEqualTo("CANCELLED");
        await("the full refund", () -> {
            var order = orders.find(cancelled).orElseThrow();
            return order.refunded().amount().compareTo(order.total().amount()) == 0;
        });

        var returned = paidOrder();
        for (var step : List.of("preparation", "delivery")) {
            if (step.equals("delivery")) {
                assertStatus(postJson("/api/admin/orders/" + returned + "/shipment",
                        "{\"carrier\":\"JNE\",\"trackingNumber\":\"JNE-12345\"}", "kim", "ORDER_MANAGER"), 200);
            }
            assertStatus(call(post("/api/admin/orders/" + returned + "/" + step)), 200);
        }
        for (var step : List.of("request", "approval", "receipt")) {
            assertStatus(call(post("/api/admin/orders/" + returned + "/return/" + step)), 200);
        }
        await("the return's refund", () -> "REFUNDED".equals(String.valueOf(orders.find(returned).orElseThrow()
                .returnStatus())));
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE target = ? ORDER BY id").param("order:" + returned)
                .query(String.class).list()).endsWith("order.return.request", "order.return.approve",
                "order.return.receive");
    }

    @Test
    void searchFiltersByMarketStatusPaymentAndTheDayPlacedInKoreanTime() throws Exception {
        var number = paidOrder();
        // 15:30 UTC on 17 June is already 18 June in Seoul.
        jdbc.sql("UPDATE shop_order SET placed_at = ? WHERE number = ?")
                .params(Timestamp.from(Instant.parse("2026-06-17T15:30:00Z")), number).update();
        assertThat(numbers("market", "ID", "status", "PAID", "payment", "PAID", "from", "2026-06-18", "to",
                "2026-06-18")).contains(number);
        assertThat(numbers("from", "2026-06-17", "to", "2026-06-17")).doesNotContain(number);
        assertThat(numbers("from", "2026-06-17", "to", "2026-06-17", "zone", "UTC")).contains(number);
        assertThat(numbers("market", "US", "from", "2026-06-18", "to", "2026-06-18")).doesNotContain(number);
        assertThat(numbers("status", "SHIPPED", "from", "2026-06-18", "to", "2026-06-18")).doesNotContain(number);
        assertThat(numbers("payment", "UNPAID", "from", "2026-06-18", "to", "2026-06-18")).doesNotContain(number);
        var page = json(call(get("/api/admin/orders").param("size", "1")));
        assertThat(JsonPath.<List<String>>read(page, "$.orders[*].number")).hasSize(1);
        assertThat(JsonPath.<Integer>read(page, "$.total")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theChangeAndItsAuditRowCommitOrRollBackTogether() throws Exception {
        var number = paidOrder();
        transactions.executeWithoutResult(status -> {
            desk.startPreparing(number, "kim");
            status.setRollbackOnly();
        });
        assertThat(orders.find(number).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
        assertThat(auditRows(number)).isZero();
        desk.startPreparing(number, "kim");
        assertThat(auditRows(number)).isEqualTo(1);
        assertThat(desk.ship(number, new Shipment("UPS", "1Z999AA1"), "kim").status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(auditRows(number)).isEqualTo(2);
    }

    private List<String> numbers(String... criteria) throws Exception {
        var request = get("/api/admin/orders").param("size", "200");
        for (int i = 0; i < criteria.length; i += 2) {
            request.param(criteria[i], criteria[i + 1]);
        }
        var result = call(request);
        assertStatus(result, 200);
        return JsonPath.read(json(result), "$.orders[*].number");
    }
}
