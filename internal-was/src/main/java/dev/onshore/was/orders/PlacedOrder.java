package dev.onshore.was.orders;

/**
 * An order just placed.
 *
 * @param accessToken what lets a guest read and cancel the order (shown once, only its hash is kept)
 */
public record PlacedOrder(String number, String accessToken, OrderView order) {
}
