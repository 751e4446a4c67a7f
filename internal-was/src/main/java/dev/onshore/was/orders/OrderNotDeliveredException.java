package dev.onshore.was.orders;

/** A return or an exchange asked for before the order reached its shopper (or after it was cancelled). */
public class OrderNotDeliveredException extends IllegalOrderTransitionException {

    public OrderNotDeliveredException(String number, String from, String action) {
        super(number, from, action);
    }
}
