package dev.onshore.was.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.was.ShopTestSupport;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The business metrics as Prometheus scrapes them from /actuator/prometheus: orders and revenue by market and
 * currency, checkout failures by reason, reservation expiries (this test sits beside the sweeper it drives) and
 * webhook rejections.
 */
class BusinessMetricsIntegrationTests extends ShopTestSupport {

    private static final String SKU = "HS-VITC-1000";

    @Autowired
    ReservationSweeper sweeper;

    @Test
    void placedAndPaidOrdersCountByMarketAndCurrencyWithTheirRevenue() throws Exception {
        var placedBefore = metric("onshore_orders_placed_total", "market=\"ID\"", "currency=\"IDR\"");
        var paidBefore = metric("onshore_orders_paid_total", "market=\"ID\"", "currency=\"IDR\"");
        var revenueBefore = metric("onshore_orders_revenue_total", "market=\"ID\"", "currency=\"IDR\"");
        var body = order(SKU, 1);
        var total = new BigDecimal(JsonPath.<String>read(body, "$.order.total.amount")).doubleValue();
        await("the placed order to be counted", () -> metric("onshore_orders_placed_total", "market=\"ID\"",
                "currency=\"IDR\"") == placedBefore + 1);
        assertStatus(mvc.perform(post(URI.create(JsonPath.read(body, "$.paymentUrl")).getPath() + "/pay"))
                .andReturn(), 303);
        await("the paid order to be counted", () -> metric("onshore_orders_paid_total", "market=\"ID\"",
                "currency=\"IDR\"") == paidBefore + 1);
        assertThat(metric("onshore_orders_revenue_total", "market=\"ID\"", "currency=\"IDR\""))
                .isEqualTo(revenueBefore + total);
    }

    @Test
    void aRefusedCheckoutCountsUnderItsReason() throws Exception {
        var before = metric("onshore_checkout_failures_total", "reason=\"empty-cart\"");
        var token = cart("ID");
        assertStatus(placeOrder(token, UUID.randomUUID().toString(), checkout("ID")), 422);
        assertThat(metric("onshore_checkout_failures_total", "reason=\"empty-cart\"")).isEqualTo(before + 1);
    }

    @Test
    void anExpiredReservationCounts() throws Exception {
        order(SKU, 1);
        var before = metric("onshore_stock_reservations_expired_total");
        var released = sweeper.releaseExpired(Instant.now().plus(Duration.ofHours(2)));
        assertThat(released).isPositive();
        assertThat(metric("onshore_stock_reservations_expired_total")).isEqualTo(before + released);
    }

    @Test
    void aWebhookWithAForgedSignatureCountsAsRejected() throws Exception {
        var before = metric("onshore_payment_webhooks_rejected_total", "reason=\"invalid\"");
        assertStatus(mvc.perform(post("/api/payments/webhooks/sandbox").contentType(MediaType.APPLICATION_JSON)
                .header("Sandbox-Timestamp", Long.toString(Instant.now().getEpochSecond()))
                .header("Sandbox-Signature", "v1=00").content("{\"order\":\"ON1\"}")).andReturn(), 401);
        assertThat(metric("onshore_payment_webhooks_rejected_total", "reason=\"invalid\"")).isEqualTo(before + 1);
    }

    /** The sum of a metric's series whose labels include all of {@code labels}; 0 when it has none yet. */
    private double metric(String name, String... labels) {
        try {
            var scrape = mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
            return scrape.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                    .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
