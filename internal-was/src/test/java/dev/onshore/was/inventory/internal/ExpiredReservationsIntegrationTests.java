package dev.onshore.was.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.was.ShopTestSupport;
import dev.onshore.was.inventory.Stock;
import dev.onshore.was.orders.OrderManagement;
import dev.onshore.was.orders.OrderStatus;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Held units that nobody pays for go back to stock; a payment that comes too late is refunded. */
class ExpiredReservationsIntegrationTests extends ShopTestSupport {

    private static final String SKU = "HS-PROPOLIS-CAPS";

    @Autowired
    Stock stock;

    @Autowired
    ReservationSweeper sweeper;

    @Autowired
    OrderManagement orders;

    @Test
    void theSweeperReleasesOnlyHoldsPastTheirTimeAndOnlyOnce() throws Exception {
        var before = stock.available(SKU);
        String number = JsonPath.read(order(SKU, 2), "$.order.number");
        assertThat(stock.available(SKU)).isEqualTo(before - 2);
        sweeper.releaseExpired(Instant.now());
        assertThat(stock.reservation(number)).contains(Stock.ReservationState.HELD);
        assertThat(sweeper.releaseExpired(Instant.now().plus(Duration.ofHours(1)))).isPositive();
        assertThat(stock.reservation(number)).contains(Stock.ReservationState.RELEASED);
        assertThat(stock.available(SKU)).isEqualTo(before);
        sweeper.releaseExpired(Instant.now().plus(Duration.ofHours(1)));
        assertThat(stock.release(number)).isFalse();
        assertThat(stock.available(SKU)).isEqualTo(before);
    }

    @Test
    void anUnpaidOrderIsCancelledAtItsPayByTimeAndALatePaymentIsRefunded() throws Exception {
        var before = stock.available(SKU);
        var placed = order(SKU, 1);
        String number = JsonPath.read(placed, "$.order.number");
        assertThat(orders.cancelUnpaid(Instant.now())).isZero();
        assertThat(orders.cancelUnpaid(Instant.now().plus(Duration.ofMinutes(31)))).isPositive();
        assertThat(orders.find(number).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        await("the stock to be released", () -> stock.available(SKU) == before);

        // The shopper pays on the page they still have open: the money goes back.
        var paymentUrl = URI.create(JsonPath.read(placed, "$.paymentUrl"));
        assertStatus(mvc.perform(post(paymentUrl.getPath() + "/pay")).andReturn(), 303);
        await("the late payment to be refunded", () -> orders.find(number).orElseThrow().refunded().signum() > 0);
        var order = orders.find(number).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.refunded()).isEqualTo(order.total());
        assertThat(stock.available(SKU)).isEqualTo(before);
    }
}
