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
}
