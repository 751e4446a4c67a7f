/**
 * Payments: a {@link dev.onshore.was.payments.PaymentGateway} port with one adapter per provider (a built-in
 * sandbox and real providers), hosted payment pages only (card data never reaches Onshore), verified and
 * deduplicated webhooks. Other areas start a payment and issue refunds through its public API and follow it
 * through its events.
 */
@NullMarked
@ApplicationModule(displayName = "Payments")
package dev.onshore.was.payments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
