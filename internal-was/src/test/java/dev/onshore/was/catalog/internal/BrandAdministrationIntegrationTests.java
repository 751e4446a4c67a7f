package dev.onshore.was.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.onshore.was.CatalogTestSupport;
import dev.onshore.was.OperatorsRealm;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Operators' brands through the admin API on real MariaDB: counts, renames and merges through the products (their
 * versions, the search index and the storefront's brand pages follow), refusals, roles and the audit trail. The
 * demo's brands are put back after each test (through the products, so the index follows too): other tests read
 * them.
 */
class BrandAdministrationIntegrationTests extends CatalogTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Products products;

    @Autowired
    TransactionTemplate transactions;

    /** Every product's brand before the test, by SKU. */
    private final Map<String, String> brands = new HashMap<>();

    @BeforeEach
    void rememberTheBrands() {
        jdbc.query("SELECT sku, brand FROM product", row -> {
            brands.put(row.getString(1), row.getString(2));
        });
    }

    @AfterEach
    void restoreTheBrands() {
        transactions.executeWithoutResult(status -> brands.forEach((sku, brand) -> products.findBySku(sku)
                .filter(product -> !product.brand().equals(brand)).ifPresent(product -> {
                    product.rebrand(brand, Instant.now());
                    products.save(product);
                })));
    }

    private long count(String brand) {
        return brands.values().stream().filter(brand::equals).count();
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String roles) {
        return request.header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator", "editor")
                .header("X-Onshore-Operator-Roles", roles).contentType(MediaType.APPLICATION_JSON);
    }

    private static MockHttpServletRequestBuilder asEditor(MockHttpServletRequestBuilder request) {
        return as(request, "CATALOG_MANAGER");
    }

    private static MockHttpServletRequestBuilder rename(String brand, String to) {
        return put("/api/admin/brands/{name}", brand).content("{\"name\": \"%s\"}".formatted(to));
    }

    private String brand(String sku) {
        return jdbc.queryForObject("SELECT brand FROM product WHERE sku = ?", String.class, sku);
    }

    private int published(String brand) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM product WHERE brand = ? AND status = 'PUBLISHED'",
                Integer.class, brand);
    }

    private long version(String sku) {
        return products.findBySku(sku).orElseThrow().version();
    }

    private List<String> audited(String brand) {
        return jdbc.queryForList("SELECT CONCAT(actor, ' ', before_json, ' ', after_json) FROM audit_entry"
                + " WHERE action = 'brand.rename' AND target = ? ORDER BY id", String.class, "brand:" + brand);
    }

    /** The storefront page at {@code path} once {@code condition} holds, or as it is after {@code within}. */
    private String awaitPage(String path, int status, Predicate<String> condition, Duration within) throws Exception {
        var deadline = System.nanoTime() + within.toNanos();
        while (true) {
            var response = mvc.perform(get(path)).andReturn().getResponse();
            var body = response.getStatus() + " " + response.getContentAsString(StandardCharsets.UTF_8);
            if ((response.getStatus() == status && condition.test(body)) || System.nanoTime() > deadline) {
                return body;
            }
            Thread.sleep(50);
        }
    }

    @Test
    void everyBrandIsListedByNameWithItsProductsCountedInAllAndByStatus() throws Exception {
        mvc.perform(as(get("/api/admin/brands"), "VIEWER")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == 'Blue Sea Lab')].products").value((int) count("Blue Sea Lab")))
                .andExpect(jsonPath("$[?(@.name == 'Blue Sea Lab')].published").value(published("Blue Sea Lab")))
                .andExpect(jsonPath("$[?(@.name == 'Blue Sea Lab')].byStatus.PUBLISHED").value(published("Blue Sea Lab")))
                .andExpect(jsonPath("$[?(@.name == 'Glow Lab')].products").value((int) count("Glow Lab")))
                .andExpect(jsonPath("$[?(@.name == 'Hanbit Health')].byStatus.PUBLISHED")
                        .value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.greaterThanOrEqualTo(3))));
        var names = mvc.perform(as(get("/api/admin/brands"), "VIEWER")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<String> listed = com.jayway.jsonpath.JsonPath.read(names, "$[*].name");
        assertThat(listed).isSorted().contains("Blue Sea Lab", "Glow Lab", "Hanbit Health");
    }

    @Test
    void aRenameReachesEveryProductOfTheBrandTheirVersionsAndTheStorefrontsBrandPage() throws Exception {
        assertThat(awaitPage("/ko-kr/brands/glow-lab", 200, body -> body.contains("data-sku=\"HS-COLLAGEN-30\""),
                Duration.ofSeconds(10))).contains("data-sku=\"HS-COLLAGEN-30\""); // rendered and cached
        var version = version("HS-COLLAGEN-30");

        mvc.perform(asEditor(rename("Glow Lab", "  Glow Labs "))).andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("Glow Lab")).andExpect(jsonPath("$.to").value("Glow Labs"))
                .andExpect(jsonPath("$.products").value((int) count("Glow Lab")))
                .andExpect(jsonPath("$.merged").value(false));
        brands.forEach((sku, brand) -> assertThat(brand(sku)).as(sku)
                .isEqualTo(brand.equals("Glow Lab") ? "Glow Labs" : brand));

        assertThat(brand("HS-COLLAGEN-30")).isEqualTo("Glow Labs");
        assertThat(version("HS-COLLAGEN-30")).isGreaterThan(version);
        assertThat(awaitPage("/ko-kr/brands/glow-labs", 200, body -> body.contains("data-sku=\"HS-COLLAGEN-30\""),
                Duration.ofSeconds(10))).contains("data-sku=\"HS-COLLAGEN-30\"");
        assertThat(awaitPage("/ko-kr/brands/glow-lab", 404, body -> true, Duration.ofSeconds(10))).startsWith("404");
        assertThat(audited("Glow Lab")).last().satisfies(row -> assertThat(row).startsWith("editor ")
                .contains("\"Glow Lab\"", "\"Glow Labs\"", "HS-COLLAGEN-30"));
    }

    @Test
    void aRenameToAnotherBrandsNameMergesTheTwoAndSaysSo() throws Exception {
        mvc.perform(asEditor(rename("Glow Lab", "Blue Sea Lab"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.products").value((int) count("Glow Lab")))
                .andExpect(jsonPath("$.merged").value(true));

        assertThat(brand("HS-COLLAGEN-30")).isEqualTo("Blue Sea Lab");
        assertThat(brand("HS-OMEGA3-90")).isEqualTo("Blue Sea Lab");
        mvc.perform(as(get("/api/admin/brands"), "VIEWER")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == 'Blue Sea Lab')].products")
                        .value((int) (count("Blue Sea Lab") + count("Glow Lab"))))
                .andExpect(jsonPath("$[?(@.name == 'Glow Lab')]").isEmpty());
    }

    @Test
    void aBlankTooLongOrUnchangedNameIsRefusedFieldByFieldAndNothingChanges() throws Exception {
        var version = version("HS-COLLAGEN-30");
        var audits = audited("Glow Lab").size();
        mvc.perform(asEditor(rename("Glow Lab", "  "))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/invalid-input"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("name")))
                .andExpect(jsonPath("$.errors[0].code").value("required"));
        mvc.perform(asEditor(rename("Glow Lab", "G".repeat(81)))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].code").value("tooLong"));
        mvc.perform(asEditor(rename("Glow Lab", "Glow Lab")).header("Accept-Language", "ko"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].code").value("unchanged"))
                .andExpect(jsonPath("$.errors[0].message").value("name이(가) 지금과 같습니다. 바꿀 것이 없습니다."));
        mvc.perform(asEditor(put("/api/admin/brands/{name}", "Glow Lab").content("{}")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("required"));

        assertThat(brand("HS-COLLAGEN-30")).isEqualTo("Glow Lab");
        assertThat(version("HS-COLLAGEN-30")).isEqualTo(version);
        assertThat(audited("Glow Lab")).hasSize(audits);
    }

    @Test
    void aBrandNoProductCarriesIsNotFound() throws Exception {
        mvc.perform(asEditor(rename("No Such Brand", "Anything")).header("Accept-Language", "ko"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/unknown-brand"))
                .andExpect(jsonPath("$.title").value("알 수 없는 브랜드"))
                .andExpect(jsonPath("$.detail").value("브랜드가 No Such Brand인 상품이 없습니다."));
    }

    @Test
    void viewersReadTheBrandsButOnlyCatalogManagersAndAdminsRenameThem() throws Exception {
        for (var roles : List.of("VIEWER", "ORDER_MANAGER", "CONTENT_MANAGER,FINANCE", "")) {
            mvc.perform(as(rename("Glow Lab", "Glow Labs"), roles)).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/operator-role"));
        }
        mvc.perform(as(get("/api/admin/brands"), "VIEWER")).andExpect(status().isOk());
        mvc.perform(as(get("/api/admin/brands"), "ORDER_MANAGER")).andExpect(status().isForbidden());
        assertThat(brand("HS-COLLAGEN-30")).isEqualTo("Glow Lab");

        mvc.perform(as(rename("Glow Lab", "Glow Labs"), "ADMIN")).andExpect(status().isOk());
        assertThat(brand("HS-COLLAGEN-30")).isEqualTo("Glow Labs");
    }
}
