package dev.onshore.was.checkout.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Checkout's settings.
 *
 * @param shipping per market (ISO country), per method ({@code standard}, {@code express}): fee and free-over
 *     threshold, in the market's currency
 * @param taxRates per market, the rate of the tax shown at checkout (VAT/GST included in prices, or US sales tax
 *     added): 0.11 = 11 %
 * @param paymentWindow how long an order waits for its payment before it is cancelled
 * @param reservationGrace how much longer than the payment window its stock stays held (the sweeper's safety net)
 * @param returnUrl where the payment page sends the shopper back; {@code {number}} is the order number
 */
@Validated
@ConfigurationProperties("onshore.checkout")
record CheckoutProperties(Map<String, Map<String, ShippingRate>> shipping, Map<String, BigDecimal> taxRates,
        Duration paymentWindow, Duration reservationGrace, String returnUrl) {

    CheckoutProperties {
        shipping = shipping == null ? Map.of() : Map.copyOf(shipping);
        taxRates = taxRates == null ? Map.of() : Map.copyOf(taxRates);
        paymentWindow = paymentWindow == null ? Duration.ofMinutes(30) : paymentWindow;
        reservationGrace = reservationGrace == null ? Duration.ofMinutes(5) : reservationGrace;
        returnUrl = returnUrl == null ? "http://localhost:8080/orders/{number}" : returnUrl;
    }

    URI returnUrl(String number) {
        return URI.create(returnUrl.replace("{number}", number));
    }

    /**
     * @param fee what shipping costs
     * @param freeOver from this subtotal shipping is free; null: never
     */
    record ShippingRate(BigDecimal fee, @Nullable BigDecimal freeOver) {
    }
}
