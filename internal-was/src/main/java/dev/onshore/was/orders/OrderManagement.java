package dev.onshore.was.orders;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Places orders and moves them through their life. Every verb refuses a move the order's state does not allow
 * with {@link IllegalOrderTransitionException}; {@link UnknownOrderException} when the number is unknown.
 */
public interface OrderManagement {

    /** Records a priced order (status PLACED, with a new public number) and publishes {@link OrderPlaced}. */
    PlacedOrder place(NewOrder order);

    /**
     * Records an order taken and paid on a marketplace ({@code channel}, its number there {@code externalNumber}):
     * status PAID at once, the channel as its payment provider, {@code by} (the importing operator) on its steps.
     * Publishes {@link OrderPlaced} and {@link OrderPaid}. Stock is the importer's to reserve.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the channel's number was imported before
     */
    PlacedOrder importPaid(NewOrder order, String channel, String externalNumber, String by);

    /** The order imported from {@code channel} under its number there; empty when none was. */
    Optional<OrderView> findImported(String channel, String externalNumber);

    /** Remembers which payment the order waits for. */
    void paymentStarted(String number, String provider, String providerReference);

    /** The order, for operators and the areas that follow it. */
    Optional<OrderView> find(String number);

    /** Where and how to tell the shopper about the order (mails); empty when the number is unknown. */
    Optional<OrderRecipient> recipient(String number);

    /**
     * The order for a shopper: its member (same subject) or whoever holds its access token; empty otherwise (an
     * order of someone else looks like no order at all).
     */
    Optional<OrderView> findForShopper(String number, @Nullable String memberSubject, @Nullable String accessToken);

    /** A member's latest orders (at most {@code limit}, 1 to 200), newest first; never null. */
    java.util.List<OrderView> findForMember(String memberSubject, int limit);

    /**
     * The guest orders placed with this address (any case, surrounding blanks ignored), newest first, found by its
     * blind index; empty without the PII key file. Orders placed before guests were indexed are not found.
     */
    java.util.List<OrderView> findForGuest(String email, int limit);

    /**
     * Cancels an order before it is shipped; a paid order is refunded in full through the payments area.
     * {@code reason} is kept in its history.
     */
    OrderView cancel(String number, String reason);

    OrderView startPreparing(String number);

    /** PREPARING → SHIPPED with its carrier and tracking number; publishes {@link OrderShipped}. */
    OrderView ship(String number, Shipment shipment);

    OrderView markDelivered(String number);

    OrderView confirm(String number);

    /**
     * The shopper asks to return a delivered order (all of it: its receipt refunds the order in full), within the
     * window for claims.
     *
     * @throws OrderNotDeliveredException before delivery or after cancellation
     * @throws OrderAlreadyClaimedException when a return or an exchange was asked for already
     * @throws ClaimWindowClosedException after the window, or once the shopper confirmed the purchase
     */
    default OrderView requestReturn(String number, ClaimGrounds grounds) {
        return requestReturn(number, grounds, () -> { });
    }

    /**
     * As {@link #requestReturn(String, ClaimGrounds)}, running {@code inTransaction} last in the transaction that
     * records the request (what it throws rolls the request back): where an idempotent request records what it did.
     */
    OrderView requestReturn(String number, ClaimGrounds grounds, Runnable inTransaction);

    /**
     * The shopper asks to exchange {@code quantity} units of the line {@code sku} for {@code replacementSku} (the
     * caller has checked that it is the same product, sold in the order's market and in stock), within the window
     * and with the refusals of {@link #requestReturn(String, ClaimGrounds)}.
     *
     * @throws ClaimLineException when the line is not the order's or has fewer units
     */
    default OrderView requestExchange(String number, String sku, String replacementSku, int quantity,
            ClaimGrounds grounds) {
        return requestExchange(number, sku, replacementSku, quantity, grounds, () -> { });
    }

    /** As the other, running {@code inTransaction} last in the transaction that records the request. */
    OrderView requestExchange(String number, String sku, String replacementSku, int quantity, ClaimGrounds grounds,
            Runnable inTransaction);

    /**
     * Refuses as {@link #requestExchange} would for this order and line now, and changes nothing: so that the order's
     * own refusals come before those of a replacement the caller checks in between.
     */
    void checkExchange(String number, String sku, int quantity);

    /**
     * Until when the shopper may ask for a return or an exchange of this order; null when it cannot be asked for
     * any more or not yet (not delivered, or a claim already made).
     */
    java.time.@Nullable Instant claimableUntil(OrderView order);

    OrderView approveReturn(String number);

    /** The goods came back: the order is refunded in full through the payments area. */
    OrderView receiveReturn(String number);

    /** Cancels every order still unpaid at its pay-by time; the number cancelled. */
    int cancelUnpaid(java.time.Instant now);

    /** How many of the member's orders are still open (to be paid, shipped, delivered, or a return in progress). */
    int openOrdersOf(String memberSubject);

    /**
     * Erases the member's personal data from their orders, keeping what accounting needs (amounts, tax, lines,
     * dates, market, payment references; docs/security/account-deletion.md).
     *
     * @return how many orders were anonymised
     */
    int anonymiseMember(String memberSubject);
}
