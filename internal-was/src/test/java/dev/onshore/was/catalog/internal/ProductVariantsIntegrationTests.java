package dev.onshore.was.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.onshore.was.CatalogTestSupport;
import dev.onshore.was.OperatorsRealm;
import dev.onshore.was.catalog.Operator;
import dev.onshore.was.catalog.ProductSearch;
import dev.onshore.was.catalog.ProductView;
import dev.onshore.was.catalog.Sku;
import java.time.Instant;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Options and variants: the product page's selector, the admin API, and search indexing the parent only. */
class ProductVariantsIntegrationTests extends CatalogTestSupport {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    Products products;

    @Autowired
    ProductSearch search;

    @Test
    void theProductPageOffersAPlainFormToChooseAVariantWithItsPrice() throws Exception {
        mvc.perform(get("/id-id/p/HS-PROBIO-50B")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("<form class=\"variants\" method=\"get\" action=\"/id-id/p/HS-PROBIO-50B\">"),
                containsString("<legend>Isi</legend>"),
                matchesPattern("(?s).*<input type=\"radio\" name=\"variant\" id=\"variant-30\" value=\"30\" checked"
                        + "(=\"checked\")?>.*"),
                containsString("30 kapsul"), containsString("Rp\u00a0579.000"),
                // 90 capsules: 319,000 + 50,000 KRW × 11.6, rounded up to the next 1,000; sold out.
                containsString("Rp\u00a0899.000"), containsString("Stok habis"),
                containsString("Barang HS-PROBIO-50B-30"))));

        mvc.perform(get("/id-id/p/HS-PROBIO-50B").param("variant", "60")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<strong>Rp\u00a0579.000</strong>"),
                        matchesPattern("(?s).*id=\"variant-60\" value=\"60\" checked.*"),
                        containsString("Barang HS-PROBIO-50B-60"))));
        mvc.perform(get("/en-us/p/HS-PROBIO-50B").param("variant", "60")).andExpect(status().isOk())
                .andExpect(content().string(containsString("60 capsules")));
        for (var hostile : new String[] {"<script>", "60' OR 1=1", "x".repeat(5000), "999"}) {
            mvc.perform(get("/id-id/p/HS-PROBIO-50B").param("variant", hostile)).andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("Barang HS-PROBIO-50B-30"),
                            not(containsString("<script>")))));
        }
    }

    @Test
    void aProductLoadedInAnEarlierTransactionIsSavedWithItsVariantsIntact() {
        var sku = "HS-IT-DETACHED";
        var option = new ProductOption("count", new Labels(java.util.Map.of("en", "Count")));
        var thirty = new ProductVariant("30", new Labels(java.util.Map.of("en", "30 capsules")), null,
                new MarketPrices(java.util.Map.of("SG", new BigDecimal("19.90"))), null);
        var sixty = new ProductVariant("60", new Labels(java.util.Map.of("en", "60 capsules")),
                new BigDecimal("5000.0000"), MarketPrices.NONE, null); // as stored: DECIMAL(19,4)
        products.save(new Product(new Sku(sku), "Test Brand", new BigDecimal("20000"), "KRW", NOW)
                .translate("en", new ProductTranslation("Detached test", "Two sizes"), NOW)
                .offer("SG", new MarketOffer("SGD", new BigDecimal("20.90")), NOW)
                .defineVariants(option, java.util.List.of(thirty, sixty), NOW));

        // Each load below ends its transaction: the product saved is detached, as in a test or a batch job.
        products.save(products.findBySku(sku).orElseThrow());
        products.save(products.findBySku(sku).orElseThrow()
                .translate("en", new ProductTranslation("Detached test", "Two sizes, renamed"), NOW));
        var cheaper = new ProductVariant("30", thirty.labels(), null,
                new MarketPrices(java.util.Map.of("SG", new BigDecimal("17.90"), "ID", new BigDecimal("199000"))),
                null);
        products.save(products.findBySku(sku).orElseThrow().defineVariants(option, java.util.List.of(cheaper, sixty),
                NOW));

        var saved = products.findBySku(sku).orElseThrow();
        assertThat(saved.variants()).containsExactly(cheaper, sixty);
        assertThat(saved.translations().get("en").summary()).isEqualTo("Two sizes, renamed");
    }

    @Test
    void searchIndexesTheParentProductOnly() {
        var hits = search.search(ProductSearch.Request.of("ID", "id", "probiotik")).hits();
        assertThat(hits).extracting(ProductView::sku).containsOnlyOnce("HS-PROBIO-50B")
                .noneMatch(sku -> sku.startsWith("HS-PROBIO-50B-"));
    }

    @Test
    void operatorsDefineVariantsAndBadDefinitionsAreRefusedFieldByField() throws Exception {
        var sku = "HS-IT-VARIANTS";
        products.save(new Product(new Sku(sku), "Test Brand", new BigDecimal("20000"), "KRW", NOW)
                .translate("en", new ProductTranslation("Variant test", "Three sizes"), NOW)
                .offer("SG", new MarketOffer("SGD", new BigDecimal("20.90")), NOW)
                .submit(new Operator("editor"), NOW)
                .approve(new Operator("reviewer"), NOW).publish(new Operator("reviewer"), NOW));

        var bad = """
                {"optionCode": "Count!", "optionLabels": {"id": "Isi"}, "variants": [
                  {"suffix": "30", "labels": {"en": "30 capsules"}},
                  {"suffix": "30", "labels": {"en": "also 30"}, "ownPrices": {"ID": 100000}},
                  {"suffix": "big one", "labels": {"xx": "?"}, "priceDelta": -50000, "ownPrices": {"SG": -1}}]}""";
        mvc.perform(put("/api/admin/products/{sku}/variants", sku).header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator-Roles", "ADMIN")
                        .header("X-Onshore-Operator", "editor").contentType(MediaType.APPLICATION_JSON).content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/invalid-input"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("optionCode", "optionLabels.en",
                        "variants[1].suffix", "variants[1].ownPrices.ID", "variants[2].suffix",
                        "variants[2].labels.xx", "variants[2].labels.en", "variants[2].priceDelta",
                        "variants[2].ownPrices.SG")));
        assertThat(products.findBySku(sku).orElseThrow().variants()).isEmpty();

        var good = """
                {"optionCode": "count", "optionLabels": {"en": "Count", "ms": "Isi"}, "variants": [
                  {"suffix": "30", "labels": {"en": "30 capsules"}},
                  {"suffix": "60", "labels": {"en": "60 capsules"}, "priceDelta": 15000.50,
                   "ownPrices": {"SG": 34.90}, "availability": "IN_STOCK"}]}""";
        mvc.perform(put("/api/admin/products/{sku}/variants", sku).header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator-Roles", "ADMIN")
                        .header("X-Onshore-Operator", "editor").contentType(MediaType.APPLICATION_JSON).content(good))
                .andExpect(status().isOk()).andExpect(jsonPath("$.variants.length()").value(2))
                .andExpect(jsonPath("$.variants[1].ownPrices.SG").value(34.90));
        mvc.perform(get("/en-sg/p/" + sku).param("variant", "60")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<legend>Count</legend>"),
                        containsString("Item " + sku + "-60"))));
        assertThat(products.findBySku(sku).orElseThrow().variants().get(1).priceDelta())
                .isEqualByComparingTo("15000.50");
    }
}
