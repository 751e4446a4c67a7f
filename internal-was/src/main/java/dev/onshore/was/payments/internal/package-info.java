/** The payments' insides: the payment records, the choice of gateway per market, the webhook handling. */
@NullMarked
package dev.onshore.was.payments.internal;

import org.jspecify.annotations.NullMarked;
