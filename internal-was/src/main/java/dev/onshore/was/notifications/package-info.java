/**
 * Notifications: tells shoppers by email what happened to their orders (placed, paid, shipped, cancelled,
 * refunded) and to their returns and exchanges (asked for, approved, the replacement shipped), in the order's language
 * and the shopper's time zone, once per event.
 */
@NullMarked
@ApplicationModule(displayName = "Notifications", allowedDependencies = {"orders", "payments", "accounts", "claims"})
package dev.onshore.was.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
