package dev.onshore.was.orders;

import dev.onshore.i18n.money.Money;

/**
 * The operators' view of the orders (admin API): search, and the moves an operator makes ({@code by}: the
 * operator's name), each recorded in the order's history under that name and in the audit trail in the same transaction. Every move refuses
 * what the order's state does not allow with {@link IllegalOrderTransitionException}; an unknown number is
 * {@link UnknownOrderException}.
 */
public interface OrderDesk {

    OrderSummary.Page search(OrderQuery query);

    OrderView startPreparing(String number, String by);

    /** PREPARING → SHIPPED with its carrier and tracking number; publishes {@link OrderShipped}. */
    OrderView ship(String number, Shipment shipment, String by);

    OrderView markDelivered(String number, String by);

    /** Cancels before shipping; a paid order is refunded in full automatically. */
    OrderView cancel(String number, String reason, String by);

    /**
     * Asks the payment provider to give back part or all of what is left of a paid order.
     *
     * @throws IllegalArgumentException when the amount is not positive, not in the order's currency, or more than
     *     what is left
     */
    OrderView refund(String number, Money amount, String reason, String by);

    OrderView requestReturn(String number, String by);

    OrderView approveReturn(String number, String by);

    /** The goods came back: the order is refunded in full automatically. */
    OrderView receiveReturn(String number, String by);

    /**
     * Records a request to exchange {@code quantity} units of the line {@code sku} of a delivered order for
     * {@code replacementSku} (the caller has checked it is the same product).
     *
     * @throws IllegalArgumentException naming the field ({@code sku}, {@code quantity}) that does not fit the order
     */
    OrderView requestExchange(String number, String sku, String replacementSku, int quantity, String by);

    /** REQUESTED → APPROVED; the caller takes the replacement's stock in the same transaction. */
    OrderView approveExchange(String number, String by);

    /** APPROVED → RECEIVED; the caller puts the returned units back in stock in the same transaction. */
    OrderView receiveExchange(String number, String by);

    /** RECEIVED → SHIPPED with the replacement's own carrier and tracking number. */
    OrderView shipExchange(String number, Shipment shipment, String by);
}
