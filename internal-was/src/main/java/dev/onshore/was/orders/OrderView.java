package dev.onshore.was.orders;

import dev.onshore.i18n.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An order as its shopper and operators see it.
 *
 * @param returnStatus null when no return was requested
 * @param paymentReference the provider's id of the payment, null until a payment was started
 * @param discount what a coupon took off the subtotal (zero without one)
 * @param couponCode the coupon redeemed with the order, null without one
 * @param shipment the carrier and tracking number, null until shipped
 * @param exchange the exchange claim, null when none was requested
 * @param channel the marketplace the order was taken on and imported from, null for the shop's own orders
 * @param returnGrounds why the return was asked for; null without a return or when an operator recorded it
 *     without a reason
 */
public record OrderView(String number, String market, OrderStatus status, @Nullable ReturnStatus returnStatus,
        @Nullable String memberSubject, List<NewOrder.Line> lines, Money subtotal, Money shipping, Money tax,
        boolean taxIncluded, Money total, Money baseTotal, BigDecimal rateToBase, Instant rateAsOf,
        String shippingMethod, String shipTo, @Nullable String paymentProvider, @Nullable String paymentReference,
        Money refunded, Instant placedAt, Instant payBy, List<Step> history, Money discount,
        @Nullable String couponCode, @Nullable Shipment shipment, @Nullable String channel,
        @Nullable OrderExchange exchange, @Nullable ClaimGrounds returnGrounds) {

    /**
     * One step of the order's life.
     *
     * @param by the operator who made it; null for the shopper, the payment provider or the system
     */
    public record Step(String status, Instant at, @Nullable String by) {

        public Step(String status, Instant at) {
            this(status, at, null);
        }
    }
}
