package dev.onshore.was.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.onshore.was.CatalogTestSupport;
import dev.onshore.was.EcbFiles;
import dev.onshore.was.OperatorsRealm;
import dev.onshore.was.catalog.Operator;
import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.ProductSearch;
import dev.onshore.was.catalog.ProductView;
import dev.onshore.was.catalog.Sku;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Converted offers priced from MariaDB-kept exchange rates: pages, search facets, staleness, the admin API. */
class ConvertedOffersIntegrationTests extends CatalogTestSupport {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    /** An ECB daily file (2026-06-17): KRW 1600 and THB 38 per EUR, so 0.02375 THB per KRW. */
    private static final String ECB_DAILY = EcbFiles.JUNE_17;

    @Autowired
    MockMvc mvc;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    ProductSearch search;

    @Autowired
    Products products;

    @Autowired
    JdbcClient jdbc;

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String operator) {
        return request.header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator-Roles", "ADMIN").header("X-Onshore-Operator", operator);
    }

    private List<ProductView> hits(String market, String language, String text, String min, String max) {
        return search.search(new ProductSearch.Request(market, language, text, null, null,
                min == null ? null : new BigDecimal(min), max == null ? null : new BigDecimal(max),
                ProductSearch.Sort.PRICE_ASC, 1)).hits();
    }

    private static void eventually(Supplier<Boolean> condition) throws InterruptedException {
        for (int i = 0; i < 50 && !condition.get(); i++) {
            Thread.sleep(100);
        }
        assertThat(condition.get()).isTrue();
    }

    @Test
    void demoProductsWithConvertedOffersShowTheConvertedRoundedPriceEverywhere() throws Exception {
        // 19,000 KRW × 11.6 = 220,400 IDR, rounded up to the next 1,000 in Indonesia.
        mvc.perform(get("/id-id/p/HS-MAG-300")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Rp\u00a0221.000")));
        // 19,000 × 0.0032 = 60.80 MYR, ending in .90 in Malaysia.
        assertThat(catalog.findForShopper(new Sku("HS-MAG-300"), "MY", "ms").orElseThrow().price())
                .isEqualByComparingTo("60.90");
        assertThat(catalog.listForShoppers("ID", "id")).filteredOn(view -> view.sku().equals("HS-MAG-300"))
                .singleElement().satisfies(view -> assertThat(view.price()).isEqualByComparingTo("221000"));
        // The search document holds the same price: range filters and sorting use it.
        assertThat(hits("ID", "id", "magnesium", "221000", "221000")).extracting(ProductView::sku)
                .contains("HS-MAG-300");
        assertThat(hits("ID", "id", "magnesium", "0", "220999")).extracting(ProductView::sku)
                .doesNotContain("HS-MAG-300");
        // A list-priced market of the same product keeps its list price.
        assertThat(catalog.findForShopper(new Sku("HS-MAG-300"), "KR", "ko").orElseThrow().price())
                .isEqualByComparingTo("19000");
    }

    @Test
    void aStaleRateTakesConvertedOffersOffSaleUntilAnOperatorSetsARate() throws Exception {
        var sku = new Sku("HS-IT-VND-1");
        jdbc.sql("DELETE FROM exchange_rate WHERE quote = 'VND'").update();
        var weekAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(7)));
        jdbc.sql("""
                INSERT INTO exchange_rate (id, base, quote, rate, effective_from, source, recorded_at)
                VALUES (?, 'KRW', 'VND', 18, ?, 'ECB', ?)""").params(UUID.randomUUID().toString(), weekAgo, weekAgo)
                .update();
        products.save(new Product(sku, "Test Brand", new BigDecimal("10000"), "KRW", NOW)
                .translate("en", new ProductTranslation("Stale rate test", "Converted in Vietnam"), NOW)
                .offer("VN", MarketOffer.converted("VND"), NOW)
                .submit(new Operator("editor"), NOW)
                .approve(new Operator("reviewer"), NOW).publish(new Operator("reviewer"), NOW));

        assertThat(catalog.findForShopper(sku, "VN", "en")).isEmpty();
        assertThat(catalog.listForShoppers("VN", "en")).extracting(ProductView::sku).doesNotContain(sku.value());
        Thread.sleep(500);
        assertThat(hits("VN", "en", "stale", null, null)).isEmpty();

        mvc.perform(as(put("/api/admin/exchange-rates/VND"), "treasurer").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rate\": 18.25, \"reason\": \"ECB does not publish VND; bank quote of today\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.source").value("MANUAL"));

        // 10,000 × 18.25 = 182,500 VND, rounded up to the next 1,000.
        assertThat(catalog.findForShopper(sku, "VN", "en").orElseThrow().price()).isEqualByComparingTo("183000");
        eventually(() -> hits("VN", "en", "stale", "183000", "183000").stream()
                .anyMatch(view -> view.sku().equals(sku.value())));
        mvc.perform(as(get("/api/admin/exchange-rates"), "treasurer")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.quote == 'VND')].recordedBy").value(hasItem("treasurer")))
                .andExpect(jsonPath("$[?(@.quote == 'VND')].stale").value(hasItem(false)));
        mvc.perform(as(get("/api/admin/exchange-rates/VND/history"), "treasurer"))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[1].reason").value("ECB does not publish VND; bank quote of today"));
    }

    @Test
    void badOverridesAreRefusedFieldByFieldAndNothingIsRecorded() throws Exception {
        var before = jdbc.sql("SELECT COUNT(*) FROM exchange_rate").query(Long.class).single();
        mvc.perform(as(put("/api/admin/exchange-rates/KRW"), "treasurer").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rate\": -3, \"reason\": \" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/invalid-input"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("quote",
                        "rate", "reason")));
        mvc.perform(as(put("/api/admin/exchange-rates/IDR"), "treasurer").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"" + "x".repeat(501) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].code").value(org.hamcrest.Matchers.containsInAnyOrder("required",
                        "tooLong")));
        mvc.perform(as(put("/api/admin/exchange-rates/idr"), "treasurer").contentType(MediaType.APPLICATION_JSON)
                .content("{\"rate\": 12, \"reason\": \"why\"}")).andExpect(status().isBadRequest());
        mvc.perform(put("/api/admin/exchange-rates/IDR").header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator-Roles", "ADMIN")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rate\": 12, \"reason\": \"why\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("X-Onshore-Operator"));
        mvc.perform(as(post("/api/admin/exchange-rates/ecb"), "treasurer").contentType(MediaType.APPLICATION_XML)
                        .content("<not-ecb/>"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/rate-import"))
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        mvc.perform(as(post("/api/admin/exchange-rates/ecb"), "treasurer").contentType(MediaType.APPLICATION_XML)
                        .content("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_rate").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void anEcbFileIsImportedWithItsOperatorAndKeptInTheHistory() throws Exception {
        mvc.perform(as(post("/api/admin/exchange-rates/ecb"), "treasurer").contentType(MediaType.APPLICATION_XML)
                        .content(ECB_DAILY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].quote").value(org.hamcrest.Matchers.hasItems("USD", "THB", "EUR")));
        mvc.perform(as(get("/api/admin/exchange-rates/THB/history"), "treasurer")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.source == 'ECB')].rate").value(hasItem(0.02375)));
        assertThat(jdbc.sql("SELECT recorded_by FROM exchange_rate WHERE quote = 'THB' AND source = 'ECB'")
                .query(String.class).list()).containsOnly("treasurer");
        // An older effective date than the demo's rates: what is in force does not change.
        mvc.perform(get("/id-id/p/HS-MAG-300")).andExpect(content().string(containsString("Rp\u00a0221.000")))
                .andExpect(content().string(not(containsString("Rp\u00a00"))));
    }
}
