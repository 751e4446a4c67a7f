package dev.onshore.was.orders;

/** Where an exchange claim stands: requested → approved → received → shipped (the replacement). */
public enum ExchangeStatus {
    REQUESTED, APPROVED, RECEIVED, SHIPPED
}
