package dev.onshore.was.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.was.ShopTestSupport;
import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.inventory.Stock;
import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A purchase through the shop API alone, as a headless client makes it, down to the refund. */
class HeadlessPurchaseIntegrationTests extends ShopTestSupport {

    private static final String SKU = "HS-VITC-1000";

    @Autowired
    Stock stock;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void cartCheckoutOrderSandboxPaymentWebhookPaidCancelRefundAndStockRestored() throws Exception {
        var before = stock.available(SKU);
        var price = catalog.findForShopper(new Sku(SKU), "ID", "id").orElseThrow().price();

        var token = cart("ID");
        var added = add(token, SKU, 2);
        assertStatus(added, 200);
        var cart = added.getResponse().getContentAsString();
        assertThat(new BigDecimal(JsonPath.<String>read(cart, "$.subtotal.amount")))
                .isEqualByComparingTo(price.multiply(BigDecimal.valueOf(2)));
        assertThat(added.getResponse().getHeader("Cache-Control")).contains("no-store");

        // A client's prices and totals are not read: the quote is the catalog's.
        var tampered = checkout("ID").replace("\"shippingMethod\"",
                "\"total\":{\"amount\":\"1\",\"currency\":\"IDR\"},\"unitPrice\":1,\"shippingMethod\"");
        var quote = mvc.perform(post("/api/shop/v1/checkout").header("Cart-Token", token)
                .contentType(MediaType.APPLICATION_JSON).content(tampered)).andReturn();
        assertStatus(quote, 200);
        var quoted = quote.getResponse().getContentAsString();
        var subtotal = new BigDecimal(JsonPath.<String>read(quoted, "$.subtotal.amount"));
        var shipping = new BigDecimal(JsonPath.<String>read(quoted, "$.shipping.amount"));
        assertThat(subtotal).isEqualByComparingTo(price.multiply(BigDecimal.valueOf(2)));
        assertThat(new BigDecimal(JsonPath.<String>read(quoted, "$.total.amount")))
                .isEqualByComparingTo(subtotal.add(shipping));
        assertThat(JsonPath.<Boolean>read(quoted, "$.taxIncluded")).isTrue();
        assertThat(new BigDecimal(JsonPath.<String>read(quoted, "$.tax.amount"))).isPositive();

        var placed = placeOrder(token, UUID.randomUUID().toString(), tampered);
        assertStatus(placed, 201);
        var body = placed.getResponse().getContentAsString();
        String number = JsonPath.read(body, "$.order.number");
        String accessToken = JsonPath.read(body, "$.accessToken");
        assertThat(JsonPath.<String>read(body, "$.order.status")).isEqualTo("PLACED");
        assertThat(JsonPath.<String>read(body, "$.order.total.amount")).isEqualTo(JsonPath.read(quoted, "$.total.amount"));
        assertThat(JsonPath.<String>read(body, "$.order.baseTotal.currency")).isEqualTo("KRW");
        assertThat(JsonPath.<String>read(body, "$.order.lines[0].name")).isNotBlank();
        assertThat(stock.available(SKU)).isEqualTo(before - 2);
        assertThat(stock.reservation(number)).contains(Stock.ReservationState.HELD);
        assertThat(mvc.perform(get("/api/shop/v1/cart").header("Cart-Token", token)).andReturn().getResponse()
                .getContentAsString()).contains("\"lines\":[]");

        // The sandbox's hosted page, then Pay: its signed webhook comes back over HTTP.
        var paymentUrl = URI.create(JsonPath.read(body, "$.paymentUrl"));
        var page = mvc.perform(get(paymentUrl.getPath())).andReturn();
        assertStatus(page, 200);
        assertThat(page.getResponse().getContentAsString()).contains(number).contains("data-pay");
        var paid = mvc.perform(post(paymentUrl.getPath() + "/pay")).andReturn();
        assertStatus(paid, 303);
        assertThat(paid.getResponse().getHeader("Location")).contains(number).contains("sandbox=paid");
        await("the order to be paid", () -> status(number, accessToken).equals("PAID"));
        await("the stock to be committed", () -> stock.reservation(number)
                .filter(state -> state == Stock.ReservationState.COMMITTED).isPresent());
        assertThat(jdbc.sql("SELECT state FROM payment WHERE order_number = ?").param(number).query(String.class)
                .single()).isEqualTo("CAPTURED");

        // Someone else's guess at the order sees nothing.
        assertStatus(getOrder(number, "not-the-token"), 404);
        assertStatus(mvc.perform(post("/api/shop/v1/orders/" + number + "/cancel")).andReturn(), 404);

        var cancelled = mvc.perform(post("/api/shop/v1/orders/" + number + "/cancel").header("Order-Token",
                accessToken)).andReturn();
        assertStatus(cancelled, 200);
        assertThat(JsonPath.<String>read(cancelled.getResponse().getContentAsString(), "$.status"))
                .isEqualTo("CANCELLED");
        await("the refund", () -> {
            try {
                return new BigDecimal(JsonPath.<String>read(getOrder(number, accessToken).getResponse()
                        .getContentAsString(), "$.refunded.amount")).signum() > 0;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        var refunded = getOrder(number, accessToken).getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(refunded, "$.refunded.amount")).isEqualTo(JsonPath.read(refunded,
                "$.total.amount"));
        await("the stock to be restored", () -> stock.available(SKU) == before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment_refund WHERE order_number = ? AND state = 'SETTLED'")
                .param(number).query(Integer.class).single()).isEqualTo(1);

        // Cancelling again is an illegal transition: a 409 problem, nothing refunded twice.
        var again = mvc.perform(post("/api/shop/v1/orders/" + number + "/cancel").header("Order-Token", accessToken)
                .header("Accept-Language", "ko")).andReturn();
        assertStatus(again, 409);
        assertThat(again.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(JsonPath.<String>read(again.getResponse().getContentAsString(), "$.type"))
                .endsWith("/illegal-order-transition");
        assertThat(JsonPath.<String>read(again.getResponse().getContentAsString(), "$.title"))
                .isEqualTo("이 주문에는 할 수 없는 작업");
        assertThat(JsonPath.<Integer>read(again.getResponse().getContentAsString(), "$.status"))
                .as("RFC 9457: the HTTP status, not the order's").isEqualTo(409);
        assertThat(JsonPath.<String>read(again.getResponse().getContentAsString(), "$.orderStatus"))
                .isEqualTo("CANCELLED");
        assertThat(stock.available(SKU)).isEqualTo(before);
    }

    @Test
    void aFailedSandboxPaymentCancelsTheOrderAndReleasesItsStock() throws Exception {
        var before = stock.available(SKU);
        var body = order(SKU, 1);
        String number = JsonPath.read(body, "$.order.number");
        String accessToken = JsonPath.read(body, "$.accessToken");
        assertThat(stock.available(SKU)).isEqualTo(before - 1);
        var paymentUrl = URI.create(JsonPath.read(body, "$.paymentUrl"));
        assertStatus(mvc.perform(post(paymentUrl.getPath() + "/fail")).andReturn(), 303);
        await("the order to be cancelled", () -> status(number, accessToken).equals("CANCELLED"));
        await("the stock to be released", () -> stock.available(SKU) == before);
        assertThat(stock.reservation(number)).contains(Stock.ReservationState.RELEASED);
    }

    @Test
    void aForgedOrExpiredPaymentPageIsNotFound() throws Exception {
        assertStatus(mvc.perform(get("/sandbox-pay/bm90LWEtcGFnZQ.0000")).andReturn(), 404);
        assertStatus(mvc.perform(post("/sandbox-pay/bm90LWEtcGFnZQ.0000/pay")).andReturn(), 404);
    }

    private String status(String number, String accessToken) {
        try {
            return JsonPath.read(getOrder(number, accessToken).getResponse().getContentAsString(), "$.status");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
