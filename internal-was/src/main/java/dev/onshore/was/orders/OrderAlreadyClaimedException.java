package dev.onshore.was.orders;

/** A return or an exchange asked for while the order already has one (one claim per order). */
public class OrderAlreadyClaimedException extends IllegalOrderTransitionException {

    public OrderAlreadyClaimedException(String number, String from, String action) {
        super(number, from, action);
    }
}
