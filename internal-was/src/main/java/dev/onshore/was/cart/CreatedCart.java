package dev.onshore.was.cart;

/** A new cart and the token that opens it (shown once; only its hash is kept). */
public record CreatedCart(String token, CartView cart) {
}
