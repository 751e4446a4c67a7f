package dev.onshore.was.orders;

import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * Who hears about an order, and how: the address given at checkout, the language the order was placed in and the
 * shopper's time zone (null when the order did not keep one: use the market's zone).
 */
public record OrderRecipient(String email, String language, @Nullable ZoneId timeZone) {
}
