package dev.onshore.was.checkout.internal;

import dev.onshore.was.orders.OrderCancelled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A cancelled order (by the shopper or an operator before shipping, or a failed or expired payment) gives its coupon
 * back: the redemption no longer counts against the coupon's use or the customer's per-customer limit. Orders are
 * cancellable only before they ship, so a shipped order keeps its redemption. The give-back is guarded (the row is
 * gone after the first delivery), so an event delivered twice gives the coupon back once.
 */
@Component
class CouponsFollowOrders {

    private static final Logger log = LoggerFactory.getLogger(CouponsFollowOrders.class);

    private final IssuedCoupons coupons;

    CouponsFollowOrders(IssuedCoupons coupons) {
        this.coupons = coupons;
    }

    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        if (coupons.giveBack(cancelled.orderNumber())) {
            log.info("Order {} cancelled ({}): its coupon redemption is given back", cancelled.orderNumber(),
                    cancelled.reason());
        }
    }
}
