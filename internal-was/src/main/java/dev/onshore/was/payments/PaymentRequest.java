package dev.onshore.was.payments;

import dev.onshore.i18n.money.Money;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * What a provider needs to open a hosted payment page. The amount is the order's total in the charge currency,
 * computed by Onshore, never by the client.
 *
 * @param orderReference the order's public number, unique per order (providers use it as their order id)
 * @param amount         what to charge, rounded to the currency's digits
 * @param customerEmail  where the provider may send its receipt
 * @param customerName   the name shown on the provider's page
 * @param locale         the shopper's language for the provider's page
 * @param returnUrl      where the provider sends the shopper back after paying (public URL)
 */
public record PaymentRequest(String orderReference, Money amount, String customerEmail, String customerName,
                             Locale locale, URI returnUrl) {

    public PaymentRequest {
        Objects.requireNonNull(orderReference, "orderReference");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(customerEmail, "customerEmail");
        Objects.requireNonNull(customerName, "customerName");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(returnUrl, "returnUrl");
        if (amount.amount().signum() <= 0) {
            throw new IllegalArgumentException("a payment must be for a positive amount: " + amount);
        }
    }
}
