package dev.onshore.was.hotdeals;

import java.math.BigDecimal;
import java.util.UUID;

/** What a deal sells, for checkout to price an order with: the deal's price, never a client's. */
public record HotDealOffer(UUID dealId, String sku, BigDecimal price, String currency, int perCustomerLimit) {
}
