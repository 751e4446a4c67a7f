package dev.onshore.was.checkout.web;

import dev.onshore.was.cart.CartKey;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who calls: a member (a valid shoppers-realm token) or a guest (the cart token they hold). */
final class Shoppers {

    static final String CART_TOKEN = "Cart-Token";
    static final String ORDER_TOKEN = "Order-Token";
    /** The shopper's zone as the edge resolved it (believed only on a signed hop, see ShopperContextTrust). */
    static final String TIME_ZONE = "X-Onshore-TimeZone";

    private Shoppers() {
    }

    static @Nullable String member(@Nullable Jwt jwt) {
        return jwt == null ? null : jwt.getSubject();
    }

    static CartKey cart(@Nullable Jwt jwt, @Nullable String token) {
        return new CartKey(token, member(jwt));
    }

    /** The shopper's time zone from the edge, null when none or not a zone (the market's then applies). */
    static java.time.@Nullable ZoneId zone(@Nullable String header) {
        if (header == null || header.length() > 64) {
            return null;
        }
        try {
            return java.time.ZoneId.of(header);
        } catch (java.time.DateTimeException invalid) {
            return null;
        }
    }

    /** The language of names and messages: the {@code lang} parameter, else the request's locale. */
    static String language(@Nullable String lang, Locale locale) {
        if (lang != null && lang.matches("[a-zA-Z]{2,3}")) {
            return lang.toLowerCase(Locale.ROOT);
        }
        return locale.getLanguage().isEmpty() ? "en" : locale.getLanguage();
    }
}
