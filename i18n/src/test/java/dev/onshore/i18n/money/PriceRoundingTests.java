package dev.onshore.i18n.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PriceRoundingTests {

    @ParameterizedTest(name = "{0} turns {1} {2} into {3}")
    @CsvSource({
        "up-to:1000,   IDR, 150001,   151000",
        "up-to:1000,   IDR, 150000,   150000",
        "up-to:1000,   IDR, 149999.6, 150000",
        "ending:0.90,  MYR, 45.20,    45.90",
        "ending:0.90,  MYR, 45.90,    45.90",
        "ending:0.90,  MYR, 45.95,    46.90",
        "ending:0.90,  SGD, 0.01,     0.90",
        "ending:0.99,  USD, 12.00,    12.99",
        "ending:900/1000, IDR, 150001, 150900",
        "standard,     USD, 1.005,    1.00",
        "standard:HALF_UP, USD, 1.005, 1.01",
        "standard,     KRW, 1500.5,   1500",
        "cash,         CHF, 1.03,     1.05",
        "up-to:10,     JPY, 1231,     1240",
    })
    void roundsPricesTheWayTheMarketExpects(String rule, String currency, String price, String expected) {
        assertThat(PriceRounding.parse(rule).apply(Money.of(price, currency))).isEqualTo(Money.of(expected, currency));
    }

    @ParameterizedTest(name = "\"{0}\" round-trips")
    @ValueSource(strings = {"standard", "standard:HALF_UP", "cash", "up-to:1000", "ending:0.90", "ending:900/1000"})
    void printsTheSameTextItWasParsedFrom(String rule) {
        assertThat(PriceRounding.parse(rule)).hasToString(rule);
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @ValueSource(strings = {"", "nearest", "up-to:", "up-to:-5", "up-to:0", "ending:1", "ending:1.5", "ending:x",
        "standard:SIDEWAYS", "standard:UNNECESSARY", "ending:0.9/0"})
    void rejectsRulesItCannotApplyWithTheOffendingText(String rule) {
        assertThatThrownBy(() -> PriceRounding.parse(rule)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + rule + "'");
    }
}
