package dev.onshore.was.orders;

import org.jspecify.annotations.Nullable;

/**
 * An exchange of (part of) one line of a delivered order for another variant of the same product, or the same SKU.
 *
 * @param sku the line's SKU, going back
 * @param replacementSku what the shopper gets instead
 * @param quantity units exchanged, at most the line's quantity
 * @param shipment the replacement's carrier and tracking number, null until shipped
 * @param grounds why it was asked for; null when an operator recorded it without a reason
 */
public record OrderExchange(ExchangeStatus status, String sku, String replacementSku, int quantity,
        @Nullable Shipment shipment, @Nullable ClaimGrounds grounds) {

    public OrderExchange {
        if (quantity < 1) {
            throw new IllegalArgumentException("an exchange needs at least one unit");
        }
    }
}
