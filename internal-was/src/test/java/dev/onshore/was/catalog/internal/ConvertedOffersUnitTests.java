package dev.onshore.was.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onshore.i18n.rates.ExchangeRate;
import dev.onshore.i18n.rates.ExchangeRates;
import dev.onshore.i18n.rates.InMemoryRates;
import dev.onshore.i18n.rates.RateSettings;
import dev.onshore.i18n.rates.RateSource;
import dev.onshore.was.catalog.Availability;
import dev.onshore.was.catalog.OfferPricing;
import dev.onshore.was.catalog.Operator;
import dev.onshore.was.catalog.Sku;
import dev.onshore.i18n.market.Markets;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConvertedOffersUnitTests {

    private static final Instant NOW = Instant.parse("2026-03-02T03:00:00Z");
    private static final Currency KRW = Currency.getInstance("KRW");

    private final InMemoryRates store = new InMemoryRates();
    private final ExchangeRates rates = new ExchangeRates(store,
            new RateSettings(KRW, Duration.ofDays(4), Map.of("MY", new BigDecimal("0.05"))),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final ShelfPrices prices = new ShelfPrices(rates, Markets.defaults());

    private void rate(String quote, String perKrw, Instant effective) {
        store.add(ExchangeRate.of(KRW, Currency.getInstance(quote), new BigDecimal(perKrw), effective,
                RateSource.ECB, null, effective));
    }

    private static Product published() {
        return new Product(new Sku("HS-CONV-1"), "Brand", new BigDecimal("19000"), "KRW", NOW)
                .translate("en", new ProductTranslation("Magnesium", "Test"), NOW)
                .offer("SG", new MarketOffer("SGD", new BigDecimal("19.90")), NOW)
                .offer("US", MarketOffer.converted("USD"), NOW)
                .offer("MY", MarketOffer.converted("MYR"), NOW)
                .offer("VN", MarketOffer.converted("VND"), NOW)
                .recordRegulatory("US", Map.of("servingSize", "1 tablet", "servingsPerContainer", "60",
                        "supplementFacts", "Magnesium 300 mg"), NOW)
                .submit(new Operator("editor"), NOW)
                .approve(new Operator("reviewer"), NOW).publish(new Operator("reviewer"), NOW);
    }

    @Test
    void aConvertedOfferHasNoListPriceAndNoFixedSalePrice() {
        var converted = MarketOffer.converted("IDR");
        assertThat(converted.pricing()).isEqualTo(OfferPricing.CONVERTED);
        assertThat(converted.listPrice()).isNull();
        assertThat(converted.withMaxPerOrder(5).withAvailability(Availability.OUT_OF_STOCK).converted()).isTrue();
        assertThatThrownBy(() -> converted.withSale(new BigDecimal("1000"), NOW, NOW.plusSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MarketOffer("IDR", new BigDecimal("1"), null, null, null, 10,
                Availability.IN_STOCK, OfferPricing.CONVERTED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MarketOffer("IDR", null, null, null, null, 10, Availability.IN_STOCK,
                OfferPricing.LIST)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> converted.priceAt(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void convertedPricesUseTheRateTheMarkupAndTheMarketsRounding() {
        rate("USD", "0.00072", NOW.minus(Duration.ofHours(20)));
        rate("MYR", "0.0032", NOW.minus(Duration.ofHours(20)));
        var product = published();

        // 19,000 × 0.00072 = 13.68, US prices end in .99.
        var us = prices.forShopper(product, "US", NOW).orElseThrow();
        assertThat(us.price()).isEqualByComparingTo("13.99");
        assertThat(us.listPrice()).isEqualByComparingTo("13.99");
        assertThat(us.currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(us.rates()).isNotNull();
        assertThat(us.rates().rate()).isEqualByComparingTo("0.00072");
        // 19,000 × 0.0032 × 1.05 = 63.84, Malaysian prices end in .90.
        assertThat(prices.forShopper(product, "MY", NOW).orElseThrow().price()).isEqualByComparingTo("63.90");
        // A list price stays what the operator set.
        var sg = prices.forShopper(product, "SG", NOW).orElseThrow();
        assertThat(sg.price()).isEqualByComparingTo("19.90");
        assertThat(sg.rates()).isNull();
    }

    @Test
    void aStaleOrMissingRateMakesTheConvertedOfferUnsellableInsteadOfPricingItWrong() {
        rate("USD", "0.00072", NOW.minus(Duration.ofDays(5)));
        var product = published();

        assertThat(prices.forShopper(product, "US", NOW)).as("stale").isEmpty();
        assertThat(prices.forShopper(product, "VN", NOW)).as("never recorded").isEmpty();
        assertThat(prices.forShopper(product, "SG", NOW)).as("list price").isPresent();

        rate("USD", "0.00075", NOW.minus(Duration.ofHours(1)));
        assertThat(prices.forShopper(product, "US", NOW).orElseThrow().price()).isEqualByComparingTo("14.99");
    }

    @Test
    void aProductNotSellableInTheMarketHasNoShopperPrice() {
        rate("USD", "0.00072", NOW.minus(Duration.ofHours(1)));
        var draft = new Product(new Sku("HS-CONV-2"), "Brand", new BigDecimal("19000"), "KRW", NOW)
                .offer("US", MarketOffer.converted("USD"), NOW);
        assertThat(prices.forShopper(draft, "US", NOW)).isEmpty();
        assertThat(prices.of(draft, "US", NOW)).isPresent();
        assertThat(prices.forShopper(published(), "KR", NOW)).as("not offered").isEmpty();
    }

    @Test
    void aMarketsDateIsTheDateInItsOwnZoneFromTheMarketsBean() {
        var evening = Instant.parse("2026-03-01T18:00:00Z");
        assertThat(prices.today("ID", evening)).as("01:00 in Jakarta").isEqualTo("2026-03-02");
        assertThat(prices.today("US", evening)).as("13:00 in New York").isEqualTo("2026-03-01");
        assertThat(prices.today("XX", Instant.parse("2026-03-01T23:59:00Z"))).as("no market: UTC")
                .isEqualTo("2026-03-01");
    }
}
