package dev.onshore.was.orders;

/** Where an order stands. Allowed moves are the order's verbs; any other move is refused. */
public enum OrderStatus {
    PLACED, PAID, PREPARING, SHIPPED, DELIVERED, CONFIRMED, CANCELLED
}
