package dev.onshore.was.claims;

import dev.onshore.was.orders.OrderView;
import dev.onshore.was.orders.Shipment;

/**
 * Exchanges (operators' moves, {@code by}: the operator): requested → approved → received → shipped. An illegal
 * move is {@link dev.onshore.was.orders.IllegalOrderTransitionException} and changes nothing; an unknown order
 * {@link dev.onshore.was.orders.UnknownOrderException}.
 */
public interface ExchangeClaims {

    /**
     * @throws IllegalArgumentException naming the field: {@code sku} (not a line of the order), {@code quantity} (more
     *     than the line's), {@code replacementSku} (not the same product)
     */
    OrderView request(String number, String sku, String replacementSku, int quantity, String by);

    /**
     * Approves and takes the replacement's units from stock (conditional update).
     *
     * @throws dev.onshore.was.inventory.InsufficientStockException when they are not there (nothing changes)
     */
    OrderView approve(String number, String by);

    /** The returned units arrived: they go back to stock. */
    OrderView receive(String number, String by);

    /** The replacement leaves with its own carrier and tracking number. */
    OrderView ship(String number, Shipment shipment, String by);
}
