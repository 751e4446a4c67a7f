package dev.onshore.was.checkout;

import dev.onshore.i18n.address.Address;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * What the shopper chose at checkout; every amount is computed on the server.
 *
 * @param coupon a coupon code as the shopper typed it; null or blank: none
 * @param timeZone the shopper's time zone (the edge's, or the one they chose), kept with the order for its mails;
 *     null: the market's
 */
public record CheckoutRequest(Address address, String shippingMethod, String email, @Nullable String coupon,
        @Nullable ZoneId timeZone) {

    /** A request without a coupon or a time zone of its own (the market's applies). */
    public CheckoutRequest(Address address, String shippingMethod, String email) {
        this(address, shippingMethod, email, null, null);
    }
}
