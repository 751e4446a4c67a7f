package dev.onshore.was.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.was.TestClock;
import dev.onshore.was.TestDatabase;
import dev.onshore.was.catalog.Availability;
import dev.onshore.was.catalog.Operator;
import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.ProductChanged;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.rates.ExchangeRateDesk;
import dev.onshore.was.rates.ExchangeRatesChanged;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The catalog with the rates module, on MariaDB and without the demo data: what shoppers are
 * offered through {@link ProductCatalog}, on the application's clock, and how it follows changed exchange rates.
 */
// Rates only through an event as far as Modulith sees; its ExchangeRates bean (an i18n type) prices converted offers.
@ApplicationModuleTest(extraIncludes = {"rates", "audit", "jobs"})
@ActiveProfiles("it")
@Import(TestClock.Configuration.class)
class CatalogModuleIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    ProductCatalog catalog;

    @Autowired
    Products products;

    @Autowired
    ExchangeRateDesk rates;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    private Product published(String sku, String market, MarketOffer offer) {
        return products.save(new Product(new Sku(sku), "Module Brand", new BigDecimal("10000"), "KRW", NOW)
                .translate("en", new ProductTranslation("Module test " + sku, "For the catalog's module test"), NOW)
                .offer(market, offer, NOW)
                .submit(new Operator("editor"), NOW)
                .approve(new Operator("reviewer"), NOW).publish(new Operator("reviewer"), NOW));
    }

    @Test
    void aSaleStartsAndEndsOnTheApplicationsClock() {
        var start = clock.instant().plus(Duration.ofDays(2));
        published("HS-MOD-SALE", "SG", new MarketOffer("SGD", new BigDecimal("20.00"))
                .withSale(new BigDecimal("15.00"), start, start.plus(Duration.ofDays(1))));
        var sku = new Sku("HS-MOD-SALE");
        try {
            assertThat(catalog.findForShopper(sku, "SG", "en").orElseThrow().price()).isEqualByComparingTo("20.00");
            clock.set(start.plus(Duration.ofHours(1)));
            assertThat(catalog.findForShopper(sku, "SG", "en").orElseThrow().price()).isEqualByComparingTo("15.00");
            clock.set(start.plus(Duration.ofDays(2)));
            assertThat(catalog.findForShopper(sku, "SG", "en").orElseThrow().price()).isEqualByComparingTo("20.00");
        } finally {
            clock.set(Instant.now());
        }
    }

    @Test
    void theStockKeepingUnitsAreEveryProductAndEveryVariantWhateverTheirStatus() {
        published("HS-MOD-SKU", "SG", new MarketOffer("SGD", new BigDecimal("20.00")));
        var labels = new Labels(Map.of("en", "Size"));
        products.save(products.findBySku("HS-MOD-SKU").orElseThrow().defineVariants(new ProductOption("size", labels),
                List.of(new ProductVariant("S", labels, null, MarketPrices.NONE, Availability.IN_STOCK),
                        new ProductVariant("L", labels, null, MarketPrices.NONE, Availability.OUT_OF_STOCK)),
                NOW));
        // A draft, sold nowhere, has stock kept all the same (an operator stocks it before publishing).
        products.save(new Product(new Sku("HS-MOD-DRAFT"), "Module Brand", new BigDecimal("10000"), "KRW", NOW));

        var units = catalog.stockKeepingUnits();

        assertThat(units).contains("HS-MOD-SKU", "HS-MOD-SKU-S", "HS-MOD-SKU-L", "HS-MOD-DRAFT").doesNotHaveDuplicates()
                .hasSize((int) products.count() + jdbc.sql("SELECT COUNT(*) FROM product_variant").query(Integer.class).single());
    }

    @Test
    void changedExchangeRatesRepriceConvertedOffersAndAnnounceTheirProductsAsChanged(Scenario scenario) {
        published("HS-MOD-CONV", "SG", MarketOffer.converted("SGD"));
        var sku = new Sku("HS-MOD-CONV");
        rates.override(Currency.getInstance("SGD"), new BigDecimal("0.00097"), "module test", "treasurer");
        // 10,000 KRW × 0.00097 = 9.70 SGD, ending in .90 in Singapore.
        assertThat(catalog.findForShopper(sku, "SG", "en").orElseThrow().price()).isEqualByComparingTo("9.90");

        // The announcement carries the application's time, not the system's.
        clock.advance(Duration.ofDays(3));
        var announced = clock.instant();
        try {
            scenario.publish(ExchangeRatesChanged.of(List.of(Currency.getInstance("SGD")), announced))
                    .andWaitForEventOfType(ProductChanged.class)
                    .matching(event -> event.sku().equals(sku.value()) && event.occurredAt().equals(announced))
                    .toArrive();
        } finally {
            clock.set(Instant.now());
        }
    }
}
