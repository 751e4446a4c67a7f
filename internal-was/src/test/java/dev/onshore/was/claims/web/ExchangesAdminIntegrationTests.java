package dev.onshore.was.claims.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.was.OperatorsRealm;
import dev.onshore.was.ShopTestSupport;
import dev.onshore.was.inventory.Stock;
import dev.onshore.was.marketplace.MarketplaceOrders;
import dev.onshore.was.orders.ExchangeStatus;
import dev.onshore.was.orders.OrderDesk;
import dev.onshore.was.orders.OrderManagement;
import dev.onshore.was.orders.Shipment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Exchanges on the real application and MariaDB: a delivered order's line exchanged for the same product, its
 * replacement's stock taken on approval and the returned units put back on receipt, the replacement shipped with its
 * own tracking number, every step in the timeline and the audit log; illegal moves, a missing replacement and
 * another product are refused and change nothing.
 */
class ExchangesAdminIntegrationTests extends ShopTestSupport {

    @Autowired
    MarketplaceOrders marketplace;

    @Autowired
    OrderDesk desk;

    @Autowired
    OrderManagement orders;

    @Autowired
    Stock stock;

    @Autowired
    JdbcClient jdbc;

    private String sku;
    private String number;

    /** A delivered order of 2 units of a SKU of its own (5 in stock before, 3 after). */
    @BeforeEach
    void deliveredOrder() {
        var id = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        sku = "EX-TEE-" + id;
        stock.set(sku, 5);
        var channel = "ex-" + id.toLowerCase(Locale.ROOT);
        marketplace.mapProductCode(channel, "T-1", sku, "park");
        var report = marketplace.importOrders(channel, "x.csv", ("order_number,product_code,quantity,unit_price,"
                + "recipient,address,country\nX-1,T-1,2,19000,Kim,Seoul 1,KR\n").getBytes(StandardCharsets.UTF_8),
                "park");
        number = report.imported().getFirst();
        desk.startPreparing(number, "park");
        desk.ship(number, new Shipment("CJ", "1111-2222"), "park");
        desk.markDelivered(number, "park");
    }

    private MvcResult call(String move, String body, String roles) throws Exception {
        return mvc.perform(post("/api/admin/orders/{number}/exchange/" + move, number)
                .header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator", "kim")
                .header("X-Onshore-Operator-Roles", roles).header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }

    private static String json(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private List<String> audit() {
        return jdbc.sql("SELECT action FROM audit_entry WHERE target = ? AND action LIKE 'order.exchange.%' ORDER BY id")
                .param("order:" + number).query(String.class).list();
    }

    @Test
    void anExchangeOfAnUnknownOrderIsRefusedWithTheOrdersProblem() throws Exception {
        var unknown = mvc.perform(post("/api/admin/orders/{number}/exchange/approval", "ON000000-NOSUCH00")
                .header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator", "kim")
                .header("X-Onshore-Operator-Roles", "ORDER_MANAGER").header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).content("")).andReturn();
        assertStatus(unknown, 404);
        assertThat(JsonPath.<String>read(json(unknown), "$.type")).endsWith("/order-not-found");
    }

    @Test
    void anExchangeRunsFromRequestToTheReplacementsOwnShipmentTakingAndGivingBackStock() throws Exception {
        var requested = call("request", "{\"sku\":\"" + sku + "\",\"replacementSku\":\"" + sku
                + "\",\"quantity\":1}", "ORDER_MANAGER");
        assertStatus(requested, 200);
        assertThat(JsonPath.<String>read(json(requested), "$.exchange.status")).isEqualTo("REQUESTED");

        var tooEarly = call("shipment", "{\"carrier\":\"CJ\",\"trackingNumber\":\"3333-4444\"}", "ORDER_MANAGER");
        assertStatus(tooEarly, 409);
        assertThat(JsonPath.<String>read(json(tooEarly), "$.type")).endsWith("/illegal-order-transition");
        assertThat(JsonPath.<String>read(json(tooEarly), "$.orderStatus")).isEqualTo("DELIVERED/EXCHANGE_REQUESTED");

        assertStatus(call("approval", "", "ORDER_MANAGER"), 200);
        assertThat(stock.available(sku)).isEqualTo(2);
        assertStatus(call("receipt", "", "ORDER_MANAGER"), 200);
        assertThat(stock.available(sku)).isEqualTo(3);
        assertStatus(call("receipt", "", "ORDER_MANAGER"), 409);
        assertThat(stock.available(sku)).isEqualTo(3);

        var shipped = call("shipment", "{\"carrier\":\"CJ\",\"trackingNumber\":\"3333-4444\"}", "ORDER_MANAGER");
        assertStatus(shipped, 200);
        assertThat(JsonPath.<String>read(json(shipped), "$.exchange.shipment.trackingNumber")).isEqualTo("3333-4444");
        assertThat(JsonPath.<String>read(json(shipped), "$.shipment.trackingNumber")).isEqualTo("1111-2222");

        var order = orders.find(number).orElseThrow();
        assertThat(order.exchange().status()).isEqualTo(ExchangeStatus.SHIPPED);
        assertThat(order.history()).extracting(step -> step.status().split(":")[0] + "/" + step.by()).containsSubsequence(
                "EXCHANGE_REQUESTED/kim", "EXCHANGE_APPROVED/kim", "EXCHANGE_RECEIVED/kim", "EXCHANGE_SHIPPED/kim");
        assertThat(audit()).containsExactly("order.exchange.request", "order.exchange.approve",
                "order.exchange.receive", "order.exchange.ship");
    }

    @Test
    void anApprovalWithoutTheReplacementInStockIsRefusedAndChangesNothing() throws Exception {
        assertStatus(call("request", "{\"sku\":\"" + sku + "\",\"replacementSku\":\"" + sku + "\",\"quantity\":2}",
                "ORDER_MANAGER"), 200);
        stock.set(sku, 1);
        var refused = call("approval", "", "ORDER_MANAGER");
        assertStatus(refused, 409);
        assertThat(JsonPath.<String>read(json(refused), "$.type")).endsWith("/exchange-out-of-stock");
        assertThat(orders.find(number).orElseThrow().exchange().status()).isEqualTo(ExchangeStatus.REQUESTED);
        assertThat(stock.available(sku)).isEqualTo(1);
        assertThat(audit()).containsExactly("order.exchange.request");
    }

    @Test
    void illegalMovesAnotherProductTooManyUnitsAndOtherDesksAreRefused() throws Exception {
        assertStatus(call("approval", "", "ORDER_MANAGER"), 409);
        var otherProduct = call("request", "{\"sku\":\"" + sku + "\",\"replacementSku\":\"HS-VITC-1000\","
                + "\"quantity\":1}", "ORDER_MANAGER");
        assertStatus(otherProduct, 400);
        assertThat(json(otherProduct)).contains("replacementSku");
        assertStatus(call("request", "{\"sku\":\"" + sku + "\",\"replacementSku\":\"" + sku + "\",\"quantity\":3}",
                "ORDER_MANAGER"), 400);
        assertStatus(call("request", "{\"sku\":\"" + sku + "\",\"replacementSku\":\"" + sku + "\",\"quantity\":1}",
                "FINANCE"), 403);
        assertThat(orders.find(number).orElseThrow().exchange()).isNull();
        assertThat(audit()).isEmpty();
        // A return and an exchange exclude each other.
        desk.requestReturn(number, "park");
        assertStatus(call("request", "{\"sku\":\"" + sku + "\",\"replacementSku\":\"" + sku + "\",\"quantity\":1}",
                "ORDER_MANAGER"), 409);
    }
}
