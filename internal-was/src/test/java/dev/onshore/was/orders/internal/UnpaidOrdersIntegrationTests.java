package dev.onshore.was.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.was.ShopTestSupport;
import dev.onshore.was.TestClock;
import dev.onshore.was.orders.OrderManagement;
import dev.onshore.was.orders.OrderStatus;
import dev.onshore.was.orders.OrderView;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** Orders live on the application's clock: placed, and cancelled unpaid, at the time it says. */
@Import(TestClock.Configuration.class)
class UnpaidOrdersIntegrationTests extends ShopTestSupport {

    @Autowired
    TestClock clock;

    @Autowired
    UnpaidOrders unpaid;

    @Autowired
    OrderManagement orders;

    @Test
    void anUnpaidOrderIsCancelledExactlyWhenTheApplicationsClockPassesItsPayByTime() throws Exception {
        // Days away from the system's time, so that an order that read the system's time would show it.
        var placedAt = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        clock.set(placedAt);
        try {
            String number = JsonPath.read(order("HS-PROPOLIS-CAPS", 1), "$.order.number");
            var placed = orders.find(number).orElseThrow();
            assertThat(placed.placedAt()).isEqualTo(placedAt);

            clock.set(placed.payBy());
            unpaid.cancelUnpaid();
            assertThat(orders.find(number).orElseThrow().status()).isEqualTo(OrderStatus.PLACED);

            var cancelledAt = placed.payBy().plusMillis(1);
            clock.set(cancelledAt);
            unpaid.cancelUnpaid();
            var cancelled = orders.find(number).orElseThrow();
            assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(cancelled.history()).last().extracting(OrderView.Step::at).isEqualTo(cancelledAt);
        } finally {
            clock.set(Instant.now());
        }
    }
}
