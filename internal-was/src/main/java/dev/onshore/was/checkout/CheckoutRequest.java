package dev.onshore.was.checkout;

import dev.onshore.i18n.address.Address;

/** What the shopper chose at checkout; every amount is computed on the server. */
public record CheckoutRequest(Address address, String shippingMethod, String email) {
}
