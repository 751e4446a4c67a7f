/**
 * Orders: the order aggregate and its life (placed, paid, preparing, shipped, delivered, confirmed, or cancelled)
 * with its claims (cancellation with an automatic refund, returns). Other areas place and follow orders through
 * {@link dev.onshore.was.orders.OrderManagement} and its events; money moves only through the payments area.
 */
@NullMarked
@ApplicationModule(displayName = "Orders", allowedDependencies = {"payments", "audit", "adminapi", "pii", "security", "shared"})
package dev.onshore.was.orders;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
