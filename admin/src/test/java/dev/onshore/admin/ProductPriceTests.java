package dev.onshore.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ProductPriceTests {

    @Test
    void showsBasePricesInTheCurrencysOwnDigitsNotTheStoredScale() {
        var krw = new InternalWas.Product("HS-X", "Brand", "Name", "PUBLISHED", new BigDecimal("36000.0000"), "KRW", null, null);
        var usd = new InternalWas.Product("HS-Y", "Brand", "Name", "DRAFT", new BigDecimal("14.9900"), "USD", null, null);

        assertThat(krw.formattedPrice()).isEqualTo("₩36,000");
        assertThat(usd.formattedPrice()).isEqualTo("$14.99");
    }
}
