package dev.onshore.was.hotdeals;

import dev.onshore.was.orders.OrderCancelled;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A cancelled order (by the shopper, an operator, a failed or expired payment) gives its deal units back. The
 * release is guarded, so an event delivered twice gives them back once.
 */
@Component
class HotDealsFollowOrders {

    private final HotDealPurchases purchases;

    HotDealsFollowOrders(HotDealPurchases purchases) {
        this.purchases = purchases;
    }

    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        purchases.release(cancelled.orderNumber());
    }
}
