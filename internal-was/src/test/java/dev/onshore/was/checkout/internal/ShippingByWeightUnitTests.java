package dev.onshore.was.checkout.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shipping priced by weight: the band the parcel fits in, then a fee per started extra kilogram. */
class ShippingByWeightUnitTests {

    private final CheckoutProperties.ShippingRate economy = new CheckoutProperties.ShippingRate(null, null,
            List.of(new CheckoutProperties.WeightBand(3000, new BigDecimal("35000")),
                    new CheckoutProperties.WeightBand(1000, new BigDecimal("20000"))),
            new BigDecimal("12000"));

    @Test
    void aParcelPaysTheFeeOfTheLightestBandItFitsIn() {
        assertThat(economy.feeFor(250)).isEqualByComparingTo("20000");
        assertThat(economy.feeFor(1000)).isEqualByComparingTo("20000");
        assertThat(economy.feeFor(1001)).isEqualByComparingTo("35000");
        assertThat(economy.feeFor(3000)).isEqualByComparingTo("35000");
    }

    @Test
    void beyondTheHeaviestBandEachStartedKilogramCostsMore() {
        assertThat(economy.feeFor(3001)).isEqualByComparingTo("47000");
        assertThat(economy.feeFor(5000)).isEqualByComparingTo("59000");
        assertThat(economy.feeFor(5001)).isEqualByComparingTo("71000");
    }

    @Test
    void aFlatRateIgnoresTheWeight() {
        var flat = new CheckoutProperties.ShippingRate(new BigDecimal("25000"), null, null, null);
        assertThat(flat.feeFor(100_000)).isEqualByComparingTo("25000");
    }

    @Test
    void aVariantWeighsWhatItsProductWeighsUnlessListedAndUnknownProductsTheDefault() {
        var weights = new CheckoutProperties.Weights(300, Map.of("HS-OMEGA3-90", 350, "HS-OMEGA3-90-XL", 700));
        assertThat(weights.gramsOf("HS-OMEGA3-90")).isEqualTo(350);
        assertThat(weights.gramsOf("HS-OMEGA3-90-LEMON")).isEqualTo(350);
        assertThat(weights.gramsOf("HS-OMEGA3-90-XL")).isEqualTo(700);
        assertThat(weights.gramsOf("HS-UNKNOWN")).isEqualTo(300);
    }
}
