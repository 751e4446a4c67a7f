package dev.onshore.was.cart;

import org.jspecify.annotations.Nullable;

/**
 * Who asks for a cart: a member (their subject) or a guest (the cart's opaque token). A member's cart is theirs
 * whatever token is sent; a guest needs the token.
 */
public record CartKey(@Nullable String token, @Nullable String memberSubject) {

    public static CartKey guest(String token) {
        return new CartKey(token, null);
    }

    public static CartKey member(String subject) {
        return new CartKey(null, subject);
    }

    public boolean isEmpty() {
        return (token == null || token.isBlank()) && (memberSubject == null || memberSubject.isBlank());
    }
}
