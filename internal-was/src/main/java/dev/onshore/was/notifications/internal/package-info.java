/** Notifications' insides: the order-mail listener, the texts and their layout, and the sent-mail ledger. */
@NullMarked
package dev.onshore.was.notifications.internal;

import org.jspecify.annotations.NullMarked;
