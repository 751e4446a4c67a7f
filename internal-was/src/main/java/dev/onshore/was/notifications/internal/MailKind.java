package dev.onshore.was.notifications.internal;

import java.util.Locale;

/** The mails an order can cause; each is keyed {@code mail.<key>.*} in the bundles. */
enum MailKind {
    PLACED, PAID, SHIPPED, CANCELLED, REFUNDED,
    /** A return or an exchange: what was asked, then the operators' decision and the replacement's shipment. */
    RETURN_REQUESTED, RETURN_APPROVED, EXCHANGE_REQUESTED, EXCHANGE_APPROVED, EXCHANGE_SHIPPED,
    /** Not an order's: the confirmation that a shopper's account was erased. */
    ERASED;

    /** {@code return-requested} for {@link #RETURN_REQUESTED}: the bundles' keys are written with dashes. */
    String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A mail about a return or an exchange, rather than about the order's own life. */
    boolean claim() {
        return this == RETURN_REQUESTED || this == RETURN_APPROVED || exchange();
    }

    boolean exchange() {
        return this == EXCHANGE_REQUESTED || this == EXCHANGE_APPROVED || this == EXCHANGE_SHIPPED;
    }
}
