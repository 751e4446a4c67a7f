package dev.onshore.was.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.was.CatalogTestSupport;
import dev.onshore.was.OperatorsRealm;
import dev.onshore.was.catalog.ProductStatus;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Operators' product edits through the admin API on real MariaDB: versions, field errors, regulatory gates. */
class ProductAdministrationIntegrationTests extends CatalogTestSupport {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    Products products;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String operator) {
        return as(request, operator, "CATALOG_MANAGER");
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String operator,
            String roles) {
        return request.header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator", operator)
                .header("X-Onshore-Operator-Roles", roles).contentType(MediaType.APPLICATION_JSON);
    }

    /** Creates a draft through the API and answers its SKU. */
    private String created() throws Exception {
        var sku = "HS-ADM-" + SEQUENCE.incrementAndGet();
        mvc.perform(as(post("/api/admin/products"), "editor").content("""
                {"sku": "%s", "brand": "Admin Brand", "basePrice": 15000, "baseCurrency": "KRW",
                 "name": "Created %s"}""".formatted(sku, sku)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.translations.en.name").value("Created " + sku));
        return sku;
    }

    private long version(String sku) throws Exception {
        var body = mvc.perform(as(get("/api/admin/products/{sku}", sku), "editor")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.version")).longValue();
    }

    @Test
    void aStaleEditIsRefusedAndChangesNothing() throws Exception {
        var sku = created();
        var seen = version(sku);
        mvc.perform(as(put("/api/admin/products/{sku}/translations/en", sku).param("version", "" + seen), "editor")
                        .content("{\"name\": \"First edit\", \"summary\": \"one\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(seen + 1));

        mvc.perform(as(put("/api/admin/products/{sku}/translations/en", sku).param("version", "" + seen), "other")
                        .content("{\"name\": \"Second edit on an old page\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/stale-product"))
                .andExpect(jsonPath("$.currentVersion").value(seen + 1));

        assertThat(products.findBySku(sku).orElseThrow().translations().get("en").name()).isEqualTo("First edit");
        var audited = jdbc.queryForList("select actor, before_json, after_json from audit_entry where action ="
                + " 'product.translate' and target = ?", "product:" + sku + "/en");
        assertThat(audited).singleElement().satisfies(row -> {
            assertThat(row.get("actor")).isEqualTo("editor");
            assertThat(String.valueOf(row.get("before_json"))).contains("Created " + sku);
            assertThat(String.valueOf(row.get("after_json"))).contains("First edit");
        });
    }

    @Test
    void onlyCatalogManagersAndAdminsChangeProductsAndViewersRead() throws Exception {
        var sku = created();
        var version = version(sku);
        for (var roles : java.util.List.of("VIEWER", "ORDER_MANAGER", "CONTENT_MANAGER,FINANCE", "")) {
            mvc.perform(as(put("/api/admin/products/{sku}/basics", sku).param("version", "" + version), "intruder",
                    roles).content("{\"brand\": \"Taken\", \"basePrice\": 1, \"baseCurrency\": \"KRW\"}"))
                    .andExpect(status().isForbidden());
            mvc.perform(as(post("/api/admin/product-imports").param("fileName", "x.csv"), "intruder", roles)
                    .contentType(MediaType.TEXT_PLAIN).content("sku\r\nHS-TAKEN\r\n")).andExpect(status().isForbidden());
        }
        mvc.perform(as(get("/api/admin/products/{sku}", sku), "auditor", "VIEWER")).andExpect(status().isOk());
        mvc.perform(as(get("/api/admin/products/{sku}", sku), "clerk", "ORDER_MANAGER"))
                .andExpect(status().isForbidden());
        mvc.perform(as(put("/api/admin/products/{sku}/basics", sku).param("version", "" + version), "boss", "ADMIN")
                .content("{\"brand\": \"Boss Brand\", \"basePrice\": 1, \"baseCurrency\": \"KRW\"}"))
                .andExpect(status().isOk());
        assertThat(products.findBySku(sku).orElseThrow().brand()).isEqualTo("Boss Brand");
        assertThat(products.existsBySku("HS-TAKEN")).isFalse();
    }

    @Test
    void invalidPricesAreReportedFieldByFieldAndNothingIsSaved() throws Exception {
        var sku = created();
        var version = version(sku);
        mvc.perform(as(put("/api/admin/products/{sku}/offers/SG", sku).param("version", "" + version), "editor")
                        .content("""
                                {"currency": "USD", "listPrice": -3, "salePrice": 20, "maxPerOrder": 0}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/invalid-input"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("currency",
                        "listPrice", "salePrice", "saleEndsAt", "maxPerOrder")));
        mvc.perform(as(put("/api/admin/products/{sku}/basics", sku).param("version", "" + version), "editor")
                        .header("Accept-Language", "ko")
                        .content("{\"brand\": \"\", \"basePrice\": 12.5, \"baseCurrency\": \"KRW\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'basePrice')].code").value("currencyDigits"))
                .andExpect(jsonPath("$.errors[?(@.field == 'brand')].message").value("brand은(는) 필수입니다."));

        var product = products.findBySku(sku).orElseThrow();
        assertThat(product.offers()).isEmpty();
        assertThat(product.brand()).isEqualTo("Admin Brand");
        assertThat(product.version()).isEqualTo(version);
    }

    @Test
    void publishingWithoutTheRegulatoryDataAMarketRequiresIsRefused() throws Exception {
        var sku = created();
        mvc.perform(as(put("/api/admin/products/{sku}/offers/ID", sku).param("version", "" + version(sku)), "editor")
                .content("{\"listPrice\": 150000}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.offers.ID.currency").value("IDR"))
                .andExpect(jsonPath("$.regulatory.ID.problems.bpomNumber").value("required"));
        mvc.perform(as(put("/api/admin/products/{sku}/submission", sku), "editor")).andExpect(status().isOk());
        mvc.perform(as(put("/api/admin/products/{sku}/approval", sku), "reviewer")).andExpect(status().isOk());

        mvc.perform(as(put("/api/admin/products/{sku}/publication", sku), "reviewer"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/invalid-regulatory-data"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("bpomNumber",
                        "halalCertificate", "halalExpiry")));
        assertThat(products.findBySku(sku).orElseThrow().status()).isEqualTo(ProductStatus.APPROVED);

        mvc.perform(as(put("/api/admin/products/{sku}/regulatory/ID", sku).param("version", "" + version(sku)),
                "editor").content("""
                {"bpomNumber": "MD 123456789012", "halalCertificate": "ID00110000123450125",
                 "halalExpiry": "2099-01-01"}""")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"));
        mvc.perform(as(put("/api/admin/products/{sku}/submission", sku), "editor")).andExpect(status().isOk());
        mvc.perform(as(put("/api/admin/products/{sku}/approval", sku), "reviewer")).andExpect(status().isOk());
        mvc.perform(as(put("/api/admin/products/{sku}/publication", sku), "reviewer")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
    }

    @Test
    void theListIsFilteredAndPagedOnTheServer() throws Exception {
        var sku = created();
        mvc.perform(as(get("/api/admin/products").param("page", "0").param("size", "5").param("q", sku)
                        .param("status", "DRAFT").param("brand", "Admin Brand"), "viewer", "VIEWER"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].sku").value(sku));
        mvc.perform(as(get("/api/admin/products").param("page", "0").param("q", sku).param("market", "SG"),
                "viewer")).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        mvc.perform(as(get("/api/admin/products").param("page", "0").param("size", "3"), "viewer"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(3))
                .andExpect(jsonPath("$.size").value(3));
        mvc.perform(as(get("/api/admin/products").param("page", "0").param("status", "GONE"), "viewer"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(as(post("/api/admin/products"), "editor").content("""
                {"sku": "%s", "brand": "B", "basePrice": 1, "baseCurrency": "KRW", "name": "again"}""".formatted(sku)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("duplicate"));
    }
}
