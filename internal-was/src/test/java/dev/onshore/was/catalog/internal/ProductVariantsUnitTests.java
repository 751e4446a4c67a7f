package dev.onshore.was.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onshore.i18n.rates.ExchangeRate;
import dev.onshore.i18n.rates.ExchangeRates;
import dev.onshore.i18n.rates.InMemoryRates;
import dev.onshore.i18n.rates.RateSettings;
import dev.onshore.i18n.rates.RateSource;
import dev.onshore.was.catalog.Availability;
import dev.onshore.was.catalog.Operator;
import dev.onshore.was.catalog.Sku;
import dev.onshore.i18n.market.Markets;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductVariantsUnitTests {

    private static final Instant NOW = Instant.parse("2026-03-02T03:00:00Z");
    private static final Currency KRW = Currency.getInstance("KRW");

    private final InMemoryRates store = new InMemoryRates();
    private final ShelfPrices prices = new ShelfPrices(new ExchangeRates(store,
            new RateSettings(KRW, Duration.ofDays(4), Map.of()), Clock.fixed(NOW, ZoneOffset.UTC)), Markets.defaults());

    private void rate(String quote, String perKrw, Duration age) {
        store.add(ExchangeRate.of(KRW, Currency.getInstance(quote), new BigDecimal(perKrw), NOW.minus(age),
                RateSource.ECB, null, NOW.minus(age)));
    }

    private static ProductVariant variant(String suffix, String delta, Map<String, BigDecimal> own,
            Availability availability) {
        return new ProductVariant(suffix, new Labels(Map.of("en", suffix + " capsules")),
                delta == null ? null : new BigDecimal(delta), new MarketPrices(own), availability);
    }

    private static final ProductVariant THIRTY = variant("30", null, Map.of(), Availability.IN_STOCK);
    private static final ProductVariant SIXTY = variant("60", "28000", Map.of("ID", new BigDecimal("579000")),
            Availability.IN_STOCK);
    private static final ProductVariant NINETY = variant("90", "50000", Map.of(), Availability.OUT_OF_STOCK);
    private static final ProductVariant GONE = variant("120", "70000", Map.of(), Availability.DISCONTINUED);

    private static Product probiotics() {
        return new Product(new Sku("HS-VAR-1"), "Brand", new BigDecimal("32000"), "KRW", NOW)
                .translate("en", new ProductTranslation("Probiotics", "Test"), NOW)
                .offer("KR", new MarketOffer("KRW", new BigDecimal("32000")), NOW)
                .offer("US", new MarketOffer("USD", new BigDecimal("24.99")), NOW)
                .offer("ID", new MarketOffer("IDR", new BigDecimal("319000")), NOW)
                .offer("MY", MarketOffer.converted("MYR"), NOW)
                .recordRegulatory("US", Map.of("servingSize", "1 capsule", "servingsPerContainer", "30",
                        "supplementFacts", "Probiotics 50 billion CFU"), NOW)
                .recordRegulatory("ID", Map.of("bpomNumber", "POM SI 123456789", "halalCertificate",
                        "ID00110000123450120", "halalExpiry", "2030-12-31"), NOW)
                .defineVariants(new ProductOption("count", new Labels(Map.of("en", "Count", "id", "Isi"))),
                        List.of(THIRTY, SIXTY, NINETY, GONE), NOW)
                .submit(new Operator("editor"), NOW)
                .approve(new Operator("reviewer"), NOW).publish(new Operator("reviewer"), NOW);
    }

    private BigDecimal price(Product product, ProductVariant variant, String market) {
        return prices.forVariant(product, variant, market, NOW).orElseThrow().price();
    }

    @Test
    void aVariantCostsItsOwnPriceElseTheProductsPriceWithItsDeltaRoundedByTheMarket() {
        rate("USD", "0.00072", Duration.ofHours(5));
        rate("MYR", "0.0032", Duration.ofHours(5));
        var product = probiotics();

        assertThat(price(product, THIRTY, "US")).as("no delta: the product's price").isEqualByComparingTo("24.99");
        assertThat(price(product, SIXTY, "ID")).as("own price").isEqualByComparingTo("579000");
        // 24.99 + 28,000 × 0.00072 = 45.15, US prices end in .99.
        assertThat(price(product, SIXTY, "US")).isEqualByComparingTo("45.99");
        assertThat(price(product, SIXTY, "KR")).isEqualByComparingTo("60000");
        // Converted market: (32,000 + 28,000) × 0.0032 = 192.00, Malaysian prices end in .90.
        assertThat(price(product, SIXTY, "MY")).isEqualByComparingTo("192.90");
        assertThat(price(product, NINETY, "US")).as("priced, though out of stock").isEqualByComparingTo("60.99");
        assertThat(prices.forVariant(product, GONE, "US", NOW)).as("discontinued").isEmpty();
        assertThat(prices.forVariant(product, SIXTY, "SG", NOW)).as("product not offered").isEmpty();
    }

    @Test
    void aVariantWhoseDeltaNeedsAStaleRateCannotBeBoughtButTheOthersCan() {
        rate("USD", "0.00072", Duration.ofDays(6));
        var product = probiotics();
        assertThat(prices.forVariant(product, SIXTY, "US", NOW)).isEmpty();
        assertThat(price(product, THIRTY, "US")).isEqualByComparingTo("24.99");
        assertThat(price(product, SIXTY, "ID")).isEqualByComparingTo("579000");
    }

    @Test
    void variantsNeedAnOptionUniqueSuffixesAndEnglishLabels() {
        var product = new Product(new Sku("HS-VAR-2"), "Brand", new BigDecimal("1000"), "KRW", NOW);
        var option = new ProductOption("count", new Labels(Map.of("en", "Count")));
        assertThatThrownBy(() -> product.defineVariants(option, List.of(), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> product.defineVariants(null, List.of(THIRTY), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> product.defineVariants(option, List.of(THIRTY, THIRTY), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Labels(Map.of("id", "Isi"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> variant("3O capsules", null, Map.of(), Availability.IN_STOCK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MarketPrices(Map.of("ID", new BigDecimal("-1"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(product.defineVariants(option, List.of(THIRTY, SIXTY), NOW).variants()).hasSize(2);
        assertThat(product.defineVariants(null, List.of(), NOW).option()).isNull();
    }
}
