/**
 * The built-in sandbox provider: a hosted payment page served by internal-was itself, signed webhooks with
 * retries, refunds, and switches to make payments fail or arrive late. For the demo and the tests; no money moves.
 */
@NullMarked
package dev.onshore.was.payments.sandbox;

import org.jspecify.annotations.NullMarked;
