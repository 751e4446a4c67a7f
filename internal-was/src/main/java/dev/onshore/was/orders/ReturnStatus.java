package dev.onshore.was.orders;

/** Where a return claim stands: requested → approved → received → refunded. */
public enum ReturnStatus {
    REQUESTED, APPROVED, RECEIVED, REFUNDED
}
