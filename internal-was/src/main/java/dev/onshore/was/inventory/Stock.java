package dev.onshore.was.inventory;

import java.time.Instant;
import java.util.Map;

/**
 * Stock per SKU. MariaDB decides: every decrement is conditional on enough units being available, so stock never
 * goes negative and concurrent checkouts never oversell. Reservations are per order number.
 */
public interface Stock {

    /** Units that can be reserved now; 0 for a SKU without stock. */
    int available(String sku);

    /** {@link #available(String)} of several SKUs in one query: every SKU asked is a key (0 without stock). */
    Map<String, Integer> available(java.util.Collection<String> skus);

    /** Sets the units available (operators' count, demo data); publishes {@link StockChanged}. */
    void set(String sku, int available);

    /**
     * Takes the units of every SKU for an order, all or nothing, until {@code until}; the order then commits them
     * when paid or they go back to stock (timeout, cancellation, failed payment).
     *
     * @param quantities positive quantities by SKU
     * @throws InsufficientStockException when a SKU has fewer units than asked (nothing is taken)
     */
    void reserve(String orderNumber, Map<String, Integer> quantities, Instant until);

    /** Makes an order's held units sold; false when they are no longer held (released after a timeout). */
    boolean commit(String orderNumber);

    /** Puts an order's held or sold units back in stock, once; false when there was nothing to put back. */
    boolean release(String orderNumber);

    /** Puts back only units still held (not yet paid for), once; false when there was nothing to put back. */
    boolean releaseHeld(String orderNumber);

    /**
     * Puts {@code quantity} units of a SKU back in stock that came back from a shopper (an exchange's returned
     * item); publishes {@link StockChanged}. The caller guards against doing it twice (the claim's state).
     */
    void putBack(String sku, int quantity);

    /** The state of an order's reservation, empty when it has none. */
    java.util.Optional<ReservationState> reservation(String orderNumber);

    /** Where an order's units stand. */
    enum ReservationState {
        /** Taken from stock, waiting for payment until the reservation expires. */
        HELD,
        /** Paid for. */
        COMMITTED,
        /** Back in stock. */
        RELEASED
    }
}
