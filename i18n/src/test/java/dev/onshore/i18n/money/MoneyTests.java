package dev.onshore.i18n.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.util.ULocale;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTests {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency KRW = Currency.getInstance("KRW");

    @Test
    void treatsTheSameAmountWithDifferentScalesAsEqual() {
        assertThat(Money.of("1.5", "USD")).isEqualTo(Money.of("1.50", "USD"));
        assertThat(Money.of("150000", "KRW")).isEqualTo(Money.of("150000.000", "KRW"));
        assertThat(Money.of("1.5", "USD").amount()).isEqualByComparingTo("1.50").hasToString("1.50");
    }

    @Test
    void usesIcuDigitsNotTheJdksForRupiah() {
        assertThat(Money.of(150000, "IDR").fractionDigits()).isZero(); // the JDK says 2, CLDR says 0
        assertThat(Money.of(150000, "IDR").amount()).hasToString("150000");
        assertThat(Money.of(5, "JPY").fractionDigits()).isZero();
        assertThat(Money.of(5, "USD").fractionDigits()).isEqualTo(2);
    }

    @Test
    void addsSubtractsAndMultipliesExactly() {
        Money price = Money.of("19.99", "USD");

        assertThat(price.plus(Money.of("0.01", "USD"))).isEqualTo(Money.of("20", "USD"));
        assertThat(price.minus(price)).isEqualTo(Money.zero(USD));
        assertThat(price.times(3)).isEqualTo(Money.of("59.97", "USD"));
        assertThat(price.times(new BigDecimal("0.1"))).isEqualTo(Money.of("1.999", "USD"));
        assertThat(price.negate().isNegative()).isTrue();
    }

    @Test
    void refusesToCombineOrCompareDifferentCurrencies() {
        Money dollars = Money.of("1", "USD");
        Money won = Money.of("1", "KRW");

        assertThatThrownBy(() -> dollars.plus(won)).isInstanceOf(CurrencyMismatchException.class)
                .hasMessageContaining("USD").hasMessageContaining("KRW");
        assertThatThrownBy(() -> dollars.minus(won)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> dollars.compareTo(won)).isInstanceOf(CurrencyMismatchException.class);
        assertThat(dollars).isNotEqualTo(won);
    }

    @Test
    void comparesWithinOneCurrency() {
        assertThat(Money.of("2", "USD").isGreaterThan(Money.of("1.99", "USD"))).isTrue();
        assertThat(Money.of("1.99", "USD").isLessThan(Money.of("2", "USD"))).isTrue();
        assertThat(Money.of("2.0", "USD").compareTo(Money.of("2", "USD"))).isZero();
    }

    @Test
    void roundsToStandardDigitsHalfEvenByDefault() {
        assertThat(Money.of("1.005", "USD").rounded()).isEqualTo(Money.of("1.00", "USD"));
        assertThat(Money.of("1.015", "USD").rounded()).isEqualTo(Money.of("1.02", "USD"));
        assertThat(Money.of("1.005", "USD").rounded(RoundingMode.HALF_UP)).isEqualTo(Money.of("1.01", "USD"));
        assertThat(Money.of("1500.5", "KRW").rounded()).isEqualTo(Money.of("1500", "KRW"));
        assertThat(Money.of("1.005", "USD").isRounded()).isFalse();
    }

    @Test
    void roundsForCashWithIcuIncrements() {
        assertThat(Money.of("1.02", "CHF").roundedForCash(RoundingMode.HALF_EVEN)).isEqualTo(Money.of("1.00", "CHF"));
        assertThat(Money.of("1.03", "CHF").roundedForCash(RoundingMode.HALF_EVEN)).isEqualTo(Money.of("1.05", "CHF"));
        assertThat(Money.of("99.40", "TWD").roundedForCash(RoundingMode.HALF_EVEN)).isEqualTo(Money.of("99", "TWD"));
        assertThat(Money.of("45.93", "MYR").roundedForCash(RoundingMode.HALF_EVEN)).isEqualTo(Money.of("45.93", "MYR"));
    }

    @Test
    void convertsToAndFromMinorUnits() {
        assertThat(Money.of("19.99", "USD").minorUnits()).isEqualTo(1999);
        assertThat(Money.of("150000", "KRW").minorUnits()).isEqualTo(150000);
        assertThat(Money.ofMinor(1999, USD)).isEqualTo(Money.of("19.99", "USD"));
        assertThatThrownBy(() -> Money.of("1.001", "USD").minorUnits()).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void givesAStorageAmountAtFourDecimalsOrRefusesToLoseDigits() {
        assertThat(Money.of("19.99", "USD").toStorageAmount()).hasToString("19.9900");
        assertThatThrownBy(() -> Money.of("0.00001", "USD").toStorageAmount())
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void allocatesWithoutLosingAMinorUnit() {
        assertThat(Money.of("100", "USD").allocate(1, 1, 1))
                .containsExactly(Money.of("33.34", "USD"), Money.of("33.33", "USD"), Money.of("33.33", "USD"));
        assertThat(Money.of("0.05", "USD").allocate(3, 7)) // 1.5 and 3.5 cents: the tie goes to the first
                .containsExactly(Money.of("0.02", "USD"), Money.of("0.03", "USD"));
        assertThat(Money.of("0.05", "USD").allocate(1, 9)) // 0.5 and 4.5 cents
                .containsExactly(Money.of("0.01", "USD"), Money.of("0.04", "USD"));
        assertThat(Money.of("1", "USD").allocate(1, 2, 97))
                .containsExactly(Money.of("0.01", "USD"), Money.of("0.02", "USD"), Money.of("0.97", "USD"));
        assertThat(Money.of("10000", "KRW").split(3))
                .containsExactly(Money.of("3334", "KRW"), Money.of("3333", "KRW"), Money.of("3333", "KRW"));
        assertThat(Money.of("-100", "USD").allocate(1, 1, 1))
                .containsExactly(Money.of("-33.34", "USD"), Money.of("-33.33", "USD"), Money.of("-33.33", "USD"));
        assertThat(Money.of("100", "USD").allocate(0, 1)).containsExactly(Money.zero(USD), Money.of("100", "USD"));
    }

    @Test
    void refusesAllocationWithoutUsableRatios() {
        assertThatThrownBy(() -> Money.of("1", "USD").allocate()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1", "USD").allocate(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1", "USD").allocate(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1", "USD").split(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNullsAndUnknownCurrencies() {
        assertThatThrownBy(() -> new Money(null, USD)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Money.of("1", "XYZ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1,5", "USD")).isInstanceOf(NumberFormatException.class);
    }

    /**
     * What the issue asked for, next to what ICU 78 / CLDR 48 prints. Differences: ICU puts a no-break space
     * (U+00A0) where the issue wrote a space ("Rp 150.000", "RM 45.90"), ja-JP uses the full-width yen sign "￥",
     * and ko-KR shows USD as "US$" to tell it from other dollars.
     */
    @ParameterizedTest(name = "{1} {0} in {2} is \"{3}\"")
    @CsvSource(delimiter = '|', value = {
        "IDR | 150000     | id-ID      | Rp\u00a0150.000",
        "KRW | 150000     | ko-KR      | ₩150,000",
        "MYR | 45.90      | ms-MY      | RM\u00a045.90",
        "MYR | 45.9       | ms-MY      | RM\u00a045.90",
        "SGD | 45.90      | en-SG      | $45.90",
        "USD | 19.99      | en-US      | $19.99",
        "USD | 19.99      | ko-KR      | US$19.99",
        "CNY | 99.5       | zh-Hans-CN | ¥99.50",
        "JPY | 1500       | ja-JP      | ￥1,500",
        "THB | 1290       | th-TH      | ฿1,290.00",
        "VND | 250000     | vi-VN      | 250.000\u00a0₫",
        "KRW | 150000     | en-US      | ₩150,000",
        "USD | 1234567.891| en-US      | $1,234,567.89",
    })
    void formatsLikeIcuForEachLocale(String currency, String amount, String locale, String expected) {
        Money money = Money.of(amount, currency);

        assertThat(money.format(Locale.forLanguageTag(locale))).isEqualTo(expected);
        assertThat(money.format(ULocale.forLanguageTag(locale))).isEqualTo(expected);
    }

    @Test
    void printsAmountAndCodeForLogs() {
        assertThat(Money.of("19.9", "USD")).hasToString("19.90 USD");
        assertThat(Money.zero(KRW)).hasToString("0 KRW");
    }

    @Test
    void aDollarThatIsNotTheUsDollarIsWrittenWithItsCode() {
        assertThat(Money.of(new java.math.BigDecimal("12.90"), java.util.Currency.getInstance("SGD"))
                .formatUnambiguous(Locale.forLanguageTag("en-SG"))).contains("SGD").doesNotContain("$");
        assertThat(Money.of(new java.math.BigDecimal("12.99"), java.util.Currency.getInstance("USD"))
                .formatUnambiguous(Locale.forLanguageTag("en-US"))).isEqualTo("$12.99");
        assertThat(Money.of(new java.math.BigDecimal("189000"), java.util.Currency.getInstance("IDR"))
                .formatUnambiguous(Locale.forLanguageTag("id-ID"))).startsWith("Rp");
    }
}
