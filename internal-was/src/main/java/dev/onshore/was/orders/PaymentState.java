package dev.onshore.was.orders;

/**
 * Where an order's money stands, as operators filter by it: not paid yet, paid (and held), refunded in part or in
 * full, or void (cancelled before any payment).
 */
public enum PaymentState {
    UNPAID, PAID, REFUNDED, VOID
}
