package dev.onshore.was.orders;

import dev.onshore.i18n.money.Money;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An order in an operator's search result.
 *
 * @param shipTo the delivery address, one line per field (the recipient first)
 * @param returnStatus null when no return was requested
 * @param shipment null until shipped
 * @param channel the marketplace the order was imported from, null for the shop's own orders
 */
public record OrderSummary(String number, String market, OrderStatus status, @Nullable ReturnStatus returnStatus,
        PaymentState payment, Money total, Instant placedAt, String shipTo, int units,
        @Nullable Shipment shipment, @Nullable String channel) {

    /** One page of a search: the orders, newest first, and how many match in all. */
    public record Page(List<OrderSummary> orders, int page, int size, long total) {
    }
}
