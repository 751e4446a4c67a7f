package dev.onshore.i18n.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class MoneyProperties {

    @Provide
    Arbitrary<Currency> currencies() {
        return Arbitraries.of("KRW", "USD", "IDR", "MYR", "SGD", "CNY", "JPY", "THB", "VND", "BHD")
                .map(Currency::getInstance);
    }

    @Provide
    Arbitrary<Money> prices() {
        return Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L)
                .flatMap(minor -> currencies().map(currency -> Money.ofMinor(minor, currency)));
    }

    @Property
    void allocatedPartsAlwaysAddUpToTheWhole(@ForAll("prices") Money price,
                                             @ForAll @Size(min = 1, max = 12) List<@LongRange(max = 1000) Long> ratios) {
        long[] weights = ratios.stream().mapToLong(Long::longValue).toArray();
        if (ratios.stream().allMatch(r -> r == 0)) {
            weights[0] = 1;
        }

        List<Money> parts = price.allocate(weights);

        assertThat(parts).hasSize(weights.length);
        assertThat(parts.stream().reduce(Money.zero(price.currency()), Money::plus)).isEqualTo(price);
    }

    @Property
    void eachAllocatedPartIsWithinOneMinorUnitOfItsExactShare(@ForAll("prices") Money price,
            @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 1, max = 1000) Long> ratios) {
        long[] weights = ratios.stream().mapToLong(Long::longValue).toArray();
        BigDecimal total = BigDecimal.valueOf(ratios.stream().mapToLong(Long::longValue).sum());
        BigDecimal unit = BigDecimal.ONE.movePointLeft(price.fractionDigits());

        List<Money> parts = price.allocate(weights);

        for (int i = 0; i < weights.length; i++) {
            BigDecimal exact = price.amount().multiply(BigDecimal.valueOf(weights[i]))
                    .divide(total, 20, RoundingMode.HALF_EVEN);
            assertThat(parts.get(i).amount().subtract(exact).abs()).isLessThan(unit);
            assertThat(parts.get(i).isRounded()).isTrue();
        }
    }

    @Property
    void splitPartsDifferByAtMostOneMinorUnit(@ForAll("prices") Money price, @ForAll @IntRange(min = 1, max = 50) int n) {
        List<Money> parts = price.split(n);
        BigDecimal unit = BigDecimal.ONE.movePointLeft(price.fractionDigits());

        BigDecimal max = parts.stream().map(Money::amount).max(BigDecimal::compareTo).orElseThrow();
        BigDecimal min = parts.stream().map(Money::amount).min(BigDecimal::compareTo).orElseThrow();
        assertThat(max.subtract(min)).isLessThanOrEqualTo(unit);
    }

    @Property
    void roundingMovesAPriceByLessThanOneMinorUnit(@ForAll("prices") Money base,
                                                   @ForAll @LongRange(min = 0, max = 9999) long extra) {
        Money price = base.plus(new Money(BigDecimal.valueOf(extra, base.fractionDigits() + 4), base.currency()));

        Money rounded = price.rounded();

        BigDecimal unit = BigDecimal.ONE.movePointLeft(price.fractionDigits());
        assertThat(rounded.isRounded()).isTrue();
        assertThat(rounded.amount().subtract(price.amount()).abs()).isLessThanOrEqualTo(unit.divide(BigDecimal.TWO));
    }

    @Property
    void upToMultipleNeverLowersAPriceAndAddsLessThanOneStep(
            @ForAll @LongRange(min = 0, max = 100_000_000_000L) long thousandths,
            @ForAll("steps") BigDecimal step) {
        Money price = new Money(BigDecimal.valueOf(thousandths, 3), Currency.getInstance("IDR"));

        Money rounded = new PriceRounding.UpToMultiple(step).apply(price);

        assertThat(rounded.amount()).isGreaterThanOrEqualTo(price.amount());
        assertThat(rounded.amount().subtract(price.amount())).isLessThan(step);
        assertThat(rounded.amount().remainder(step)).isEqualByComparingTo("0");
        assertThat(new PriceRounding.UpToMultiple(step).apply(rounded)).isEqualTo(rounded);
    }

    @Provide
    Arbitrary<BigDecimal> steps() {
        return Arbitraries.of("1", "10", "100", "500", "1000", "5000").map(BigDecimal::new);
    }

    @Property
    void endingRuleGivesTheEndingNeverLowersAndAddsLessThanOneStep(
            @ForAll @LongRange(min = 0, max = 10_000_000_000L) long cents,
            @ForAll("endings") String ending) {
        Money price = Money.ofMinor(cents, Currency.getInstance("MYR"));
        PriceRounding rule = PriceRounding.parse("ending:" + ending);

        Money rounded = rule.apply(price);

        assertThat(rounded.amount()).isGreaterThanOrEqualTo(price.amount());
        assertThat(rounded.amount().subtract(price.amount())).isLessThan(BigDecimal.ONE);
        assertThat(rounded.amount().remainder(BigDecimal.ONE)).isEqualByComparingTo(ending);
        assertThat(rule.apply(rounded)).isEqualTo(rounded);
    }

    @Provide
    Arbitrary<String> endings() {
        return Arbitraries.of("0.90", "0.99", "0.00", "0.50");
    }
}
