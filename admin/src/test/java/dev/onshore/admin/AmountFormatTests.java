package dev.onshore.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AmountFormatTests {

    @Test
    void writesAmountsWithIcuInTheCurrencysOwnDigitsNotTheStoredScale() {
        assertThat(AmountFormat.format(new BigDecimal("214000.0000"), "IDR", Locale.ENGLISH))
                .isEqualTo("IDR\u00a0214,000").isNotEqualTo("214000 IDR");
        assertThat(AmountFormat.format(new BigDecimal("36000.0000"), "KRW", Locale.KOREAN)).isEqualTo("₩36,000");
        assertThat(AmountFormat.format(new BigDecimal("14.9"), "SGD", Locale.ENGLISH)).isEqualTo("SGD\u00a014.90");
    }

    @Test
    void followsTheOperatorsLanguage() {
        assertThat(AmountFormat.format(new BigDecimal("14.99"), "USD", Locale.ENGLISH)).isEqualTo("$14.99");
        assertThat(AmountFormat.format(new BigDecimal("14.99"), "USD", Locale.KOREAN)).isEqualTo("US$14.99");
    }

    @Test
    void anAmountThatIsNotSetIsEmptyAndAnUnknownCurrencyStillShowsTheAmount() {
        assertThat(AmountFormat.format(null, "KRW", Locale.ENGLISH)).isEmpty();
        assertThat(AmountFormat.format(new BigDecimal("5.00"), "XYZ1", Locale.ENGLISH)).isEqualTo("5 XYZ1");
    }
}
