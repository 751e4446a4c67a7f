/**
 * The Midtrans adapter of the payments area (the Indonesian shop): Snap hosted payment pages, Core API refunds and
 * verified HTTP notifications, over plain HTTPS with the merchant's server key. Created only when
 * {@code onshore.payments.midtrans.enabled} is true.
 */
@NullMarked
package dev.onshore.was.payments.midtrans;

import org.jspecify.annotations.NullMarked;
