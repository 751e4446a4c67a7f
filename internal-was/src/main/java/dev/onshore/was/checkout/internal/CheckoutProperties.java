package dev.onshore.was.checkout.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
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
 * @param duties per market, the key of the duties note the quote shows ({@code checkout.duties.<key>} in the
 *     messages); markets without one show none
 * @param weights what products weigh, for methods priced by weight
 */
@Validated
@ConfigurationProperties("onshore.checkout")
record CheckoutProperties(Map<String, Map<String, ShippingRate>> shipping, Map<String, BigDecimal> taxRates,
        Duration paymentWindow, Duration reservationGrace, String returnUrl, Map<String, String> duties,
        Weights weights) {

    CheckoutProperties {
        shipping = shipping == null ? Map.of() : Map.copyOf(shipping);
        taxRates = taxRates == null ? Map.of() : Map.copyOf(taxRates);
        duties = duties == null ? Map.of() : Map.copyOf(duties);
        weights = weights == null ? new Weights(500, Map.of()) : weights;
        paymentWindow = paymentWindow == null ? Duration.ofMinutes(30) : paymentWindow;
        reservationGrace = reservationGrace == null ? Duration.ofMinutes(5) : reservationGrace;
        returnUrl = returnUrl == null ? "http://localhost:8080/orders/{number}" : returnUrl;
    }

    URI returnUrl(String number) {
        return URI.create(returnUrl.replace("{number}", number));
    }

    /**
     * A flat fee, or a fee by the parcel's weight; either may ship free from a subtotal.
     *
     * @param fee what shipping costs (the flat fee; ignored when {@code byWeight} is set)
     * @param freeOver from this subtotal (after a coupon) shipping is free; null: never
     * @param byWeight bands by weight, lightest first: the first band the parcel fits in sets the fee
     * @param perExtraKg beyond the heaviest band, this much more per started kilogram; null: the heaviest band's fee
     */
    record ShippingRate(@Nullable BigDecimal fee, @Nullable BigDecimal freeOver, @Nullable List<WeightBand> byWeight,
            @Nullable BigDecimal perExtraKg) {

        ShippingRate {
            byWeight = byWeight == null ? List.of() : byWeight.stream()
                    .sorted(java.util.Comparator.comparingInt(WeightBand::upToGrams)).toList();
            if (fee == null && byWeight.isEmpty()) {
                throw new IllegalArgumentException("a shipping rate needs a fee or weight bands");
            }
        }

        /** The fee for a parcel of {@code grams}. */
        BigDecimal feeFor(int grams) {
            if (byWeight.isEmpty()) {
                return fee;
            }
            for (var band : byWeight) {
                if (grams <= band.upToGrams()) {
                    return band.fee();
                }
            }
            var heaviest = byWeight.getLast();
            if (perExtraKg == null) {
                return heaviest.fee();
            }
            long extraKg = (grams - heaviest.upToGrams() + 999L) / 1000L;
            return heaviest.fee().add(perExtraKg.multiply(BigDecimal.valueOf(extraKg)));
        }
    }

    /** Parcels up to {@code upToGrams} ship for {@code fee}. */
    record WeightBand(int upToGrams, BigDecimal fee) {
    }

    /**
     * @param defaultGrams the weight of a product not listed (with its packaging)
     * @param skus grams per SKU; a variant SKU not listed weighs what its product's SKU (the part before its last
     *     {@code -}) does
     */
    record Weights(int defaultGrams, Map<String, Integer> skus) {

        Weights {
            skus = skus == null ? Map.of() : Map.copyOf(skus);
        }

        int gramsOf(String sku) {
            for (var candidate = sku; ; candidate = candidate.substring(0, candidate.lastIndexOf('-'))) {
                var grams = skus.get(candidate);
                if (grams != null) {
                    return grams;
                }
                if (candidate.lastIndexOf('-') <= 0) {
                    return defaultGrams;
                }
            }
        }
    }
}
