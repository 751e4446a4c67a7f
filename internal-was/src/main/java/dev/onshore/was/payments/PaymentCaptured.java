package dev.onshore.was.payments;

import dev.onshore.i18n.money.Money;
import java.time.Instant;

/** The money for an order was captured; published once per order even if the provider notifies many times. */
public record PaymentCaptured(String orderReference, String provider, String providerReference, Money amount,
                              Instant capturedAt) {
}
