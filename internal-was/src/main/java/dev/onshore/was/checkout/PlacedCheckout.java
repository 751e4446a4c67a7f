package dev.onshore.was.checkout;

import dev.onshore.was.orders.OrderView;
import java.net.URI;

/** An order placed at checkout, its stock reserved, and the page where the shopper pays for it. */
public record PlacedCheckout(OrderView order, String accessToken, URI paymentUrl) {
}
