package dev.onshore.was.notifications.internal;

import java.util.Locale;

/** The mails an order can cause; each is keyed {@code mail.<key>.*} in the bundles. */
enum MailKind {
    PLACED, PAID, SHIPPED, CANCELLED, REFUNDED,
    /** Not an order's: the confirmation that a shopper's account was erased. */
    ERASED;

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
