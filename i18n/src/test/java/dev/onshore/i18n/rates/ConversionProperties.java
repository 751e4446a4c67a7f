package dev.onshore.i18n.rates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.i18n.market.Market;
import dev.onshore.i18n.market.Markets;
import dev.onshore.i18n.money.Money;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;

class ConversionProperties {

    static final Instant NOW = Instant.parse("2026-06-18T00:00:00Z");
    static final Currency KRW = Currency.getInstance("KRW");

    @Provide
    Arbitrary<Market> markets() {
        return Arbitraries.of(Markets.defaults().all());
    }

    @Property
    void aConvertedPriceIsNeverBelowTheExactAmountAndAboveItByLessThanTheMarketsStep(
            @ForAll @LongRange(min = 1, max = 100_000_000) long won,
            @ForAll @BigRange(min = "0.00001", max = "100") @Scale(8) BigDecimal rate,
            @ForAll @BigRange(min = "0", max = "0.2") @Scale(4) BigDecimal markup,
            @ForAll("markets") Market market) {
        var store = new InMemoryRates();
        if (!market.currency().equals(KRW)) {
            store.add(ExchangeRate.of(KRW, market.currency(), rate, NOW, RateSource.CSV, null, NOW));
        }
        var rates = new ExchangeRates(store, new RateSettings(KRW, Duration.ofDays(1),
                Map.of(market.country(), markup)), Clock.fixed(NOW, ZoneOffset.UTC));

        Conversion conversion = rates.convert(Money.of(won, "KRW"), market);

        BigDecimal exact = conversion.exact().amount();
        BigDecimal price = conversion.price().amount();
        BigDecimal step = switch (market.rounding().toString()) {
            case "up-to:1000" -> new BigDecimal("1000");
            case "up-to:10" -> BigDecimal.TEN;
            case "ending:0.90", "ending:0.99" -> BigDecimal.ONE;
            default -> BigDecimal.ONE.movePointLeft(conversion.price().fractionDigits());
        };
        assertThat(conversion.price().isRounded()).isTrue();
        assertThat(price.subtract(exact).abs()).isLessThan(step);
        if (!market.rounding().toString().startsWith("standard")) {
            assertThat(price).isGreaterThanOrEqualTo(exact);
        }
        assertThat(conversion.snapshot().legs()).hasSize(market.currency().equals(KRW) ? 0 : 1);
    }

    @Property
    void convertingThereAndBackStaysWithinRounding(@ForAll @LongRange(min = 0, max = 1_000_000_000) long won,
                                                   @ForAll @BigRange(min = "0.0001", max = "50") @Scale(8) BigDecimal rate) {
        Currency usd = Currency.getInstance("USD");
        var store = new InMemoryRates();
        store.add(ExchangeRate.of(KRW, usd, rate, NOW, RateSource.CSV, null, NOW));
        var rates = new ExchangeRates(store, RateSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

        Money there = rates.convert(Money.of(won, "KRW"), usd, new dev.onshore.i18n.money.PriceRounding.Standard(
                java.math.RoundingMode.HALF_EVEN), BigDecimal.ZERO).exact();
        Money back = rates.convert(there, KRW, new dev.onshore.i18n.money.PriceRounding.Standard(
                java.math.RoundingMode.HALF_EVEN), BigDecimal.ZERO).price();

        assertThat(back.amount().subtract(BigDecimal.valueOf(won)).abs()).isLessThanOrEqualTo(BigDecimal.ONE);
        assertThat(List.of(back.currency())).containsExactly(KRW);
    }
}
