package dev.onshore.was.inventory.internal;

import dev.onshore.was.inventory.Stock;
import dev.onshore.was.orders.OrderCancelled;
import dev.onshore.was.orders.OrderPaid;
import dev.onshore.was.payments.PaymentFailed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Reservations follow the orders and their payments. Every reaction is a guarded state change, so an event
 * delivered twice (the publication registry delivers at least once) changes stock once.
 */
@Component
class StockFollowsOrders {

    private static final Logger log = LoggerFactory.getLogger(StockFollowsOrders.class);

    private final Stock stock;

    StockFollowsOrders(Stock stock) {
        this.stock = stock;
    }

    @ApplicationModuleListener
    void on(OrderPaid paid) {
        if (!stock.commit(paid.orderNumber()) && stock.reservation(paid.orderNumber())
                .filter(state -> state == Stock.ReservationState.RELEASED).isPresent()) {
            // The payment came after the hold expired: the order is cancelled and refunded by the orders area.
            log.warn("Order {} was paid after its stock was released", paid.orderNumber());
        }
    }

    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        stock.release(cancelled.orderNumber());
    }

    @ApplicationModuleListener
    void on(PaymentFailed failed) {
        stock.releaseHeld(failed.orderReference());
    }
}
