package dev.onshore.was.claims;

import dev.onshore.was.orders.ClaimGrounds;
import dev.onshore.was.orders.OrderView;
import dev.onshore.was.orders.Shipment;
import java.util.List;

/**
 * Exchanges (operators' moves, {@code by}: the operator): requested → approved → received → shipped. An illegal
 * move is {@link dev.onshore.was.orders.IllegalOrderTransitionException} and changes nothing; an unknown order
 * {@link dev.onshore.was.orders.UnknownOrderException}. Shoppers ask for one themselves
 * ({@link #requestForShopper}); the rest is the operators'.
 */
public interface ExchangeClaims {

    /**
     * A variant a line may be exchanged for, as a shopper of the order's market sees it.
     *
     * @param label the variant's label in the language asked for (the product's name when it has no variants)
     * @param available whether it is sold in the market and in stock now
     */
    record Replacement(String sku, String label, boolean available) {
    }

    /**
     * The shopper's own request, for the order's owner (the caller checked who asks): the order's refusals first
     * (not delivered, already claimed, the window passed: {@link dev.onshore.was.orders.OrderNotDeliveredException},
     * {@link dev.onshore.was.orders.OrderAlreadyClaimedException},
     * {@link dev.onshore.was.orders.ClaimWindowClosedException}), then the line's
     * ({@link dev.onshore.was.orders.ClaimLineException}), then the replacement's
     * ({@link ReplacementRefusedException}: the same product, sold in the order's market, {@code quantity} units in
     * stock). The stock is only taken when an operator approves.
     */
    default OrderView requestForShopper(String number, String sku, String replacementSku, int quantity,
            ClaimGrounds grounds) {
        return requestForShopper(number, sku, replacementSku, quantity, grounds, () -> { });
    }

    /** As the other, running {@code inTransaction} last in the transaction that records the request. */
    OrderView requestForShopper(String number, String sku, String replacementSku, int quantity, ClaimGrounds grounds,
            Runnable inTransaction);

    /**
     * What the line {@code sku} of an order of {@code market} may be exchanged for: the product's variants (the line's
     * own among them) in display order, or the line's SKU alone for a product without variants; empty when the
     * product is not sold there any more. Never null.
     */
    List<Replacement> replacements(String sku, String market, String language);

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
