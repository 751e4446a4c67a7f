package dev.onshore.was.orders.internal;

import dev.onshore.was.orders.OrderManagement;
import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Cancels orders still unpaid at their pay-by time (their units go back to stock through the event). */
@Component
class UnpaidOrders {

    private final OrderManagement orders;
    private final Clock clock;

    UnpaidOrders(OrderManagement orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${onshore.orders.unpaid-check:PT30S}")
    void cancelUnpaid() {
        orders.cancelUnpaid(clock.instant());
    }
}
