package dev.onshore.was.orders.internal;

import dev.onshore.was.orders.OrderManagement;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Cancels orders still unpaid at their pay-by time (their units go back to stock through the event). */
@Component
class UnpaidOrders {

    private final OrderManagement orders;

    UnpaidOrders(OrderManagement orders) {
        this.orders = orders;
    }

    @Scheduled(fixedDelayString = "${onshore.orders.unpaid-check:PT30S}")
    void cancelUnpaid() {
        orders.cancelUnpaid(Instant.now());
    }
}
