package dev.onshore.was.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
 * versions, the search index and the storefront's brand pages follow), profiles (texts per language, logo) on the
 * storefront's brand page, refusals, roles and the audit trail. The demo's brands are put back and its profiles
 * removed after each test (through the products, so the index follows too): other tests read them.
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

    @Autowired
    CategoryChanges views;

    /** Every product's brand before the test, by SKU. */
    private final Map<String, String> brands = new HashMap<>();

    /** The demo's brand profiles before the test: its rows, then its texts' rows. */
    private List<Map<String, Object>> profiles = List.of();
    private List<Map<String, Object>> profileTexts = List.of();

    @BeforeEach
    void rememberTheBrands() {
        brands.putAll(brandsNow());
        // Each test starts from brands without a profile; the demo's are put back after it.
        profiles = jdbc.queryForList("SELECT * FROM brand_profile");
        profileTexts = jdbc.queryForList("SELECT * FROM brand_profile_text");
        jdbc.update("DELETE FROM brand_profile");
    }

    private void restoreTheProfiles() {
        jdbc.update("DELETE FROM brand_profile");
        for (var rows : List.of(profiles, profileTexts)) {
            for (var row : rows) {
                var table = rows == profiles ? "brand_profile" : "brand_profile_text";
                jdbc.update("INSERT INTO " + table + " (" + String.join(", ", row.keySet()) + ") VALUES ("
                        + String.join(", ", java.util.Collections.nCopies(row.size(), "?")) + ")",
                        row.values().toArray());
            }
        }
        views.refresh(); // no page rendered during the test shows a profile other than the demo's
    }

    @AfterEach
    void restoreTheBrands() {
        // Only the products whose brand the test changed are loaded: other tests leave a thousand in the catalog.
        var now = brandsNow();
        transactions.executeWithoutResult(status -> brands.forEach((sku, brand) -> {
            if (now.containsKey(sku) && !brand.equals(now.get(sku))) {
                products.findBySku(sku).ifPresent(product -> {
                    product.rebrand(brand, Instant.now());
                    products.save(product);
                });
            }
        }));
        restoreTheProfiles();
    }

    /** Every product's brand now, by SKU. */
    private Map<String, String> brandsNow() {
        var now = new HashMap<String, String>();
        jdbc.query("SELECT sku, brand FROM product", row -> {
            now.put(row.getString(1), row.getString(2));
        });
        return now;
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
        return post("/api/admin/brands/rename").content("{\"from\": \"%s\", \"name\": \"%s\"}".formatted(brand, to));
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
        return audited("brand.rename", brand);
    }

    private List<String> audited(String action, String brand) {
        return jdbc.queryForList("SELECT CONCAT(actor, ' ', COALESCE(before_json, '-'), ' ', after_json)"
                + " FROM audit_entry WHERE action = ? AND target = ? ORDER BY id", String.class, action,
                "brand:" + brand);
    }

    private static MockHttpServletRequestBuilder saveProfile(String brand, long version, String texts) {
        return put("/api/admin/brands/profile").param("name", brand)
                .content("{\"version\": %d, \"texts\": %s}".formatted(version, texts));
    }

    /** A PNG of {@code width} by {@code height} pixels, one colour. */
    private static byte[] png(int width, int height) throws java.io.IOException {
        var image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var bytes = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private long profileVersion(String brand) {
        return jdbc.queryForList("SELECT version FROM brand_profile WHERE name = ?", Long.class, brand).stream()
                .findFirst().orElse(0L);
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
        mvc.perform(asEditor(post("/api/admin/brands/rename").content("{\"from\": \"Glow Lab\"}")))
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

    @Test
    void aProfileGivesTheBrandPageItsNameDescriptionAndLogoInTheShoppersLanguage() throws Exception {
        assertThat(awaitPage("/ko-kr/brands/glow-lab", 200, body -> true, Duration.ofSeconds(10)))
                .doesNotContain("글로우랩"); // rendered and cached without a profile
        mvc.perform(as(get("/api/admin/brands/profile").param("name", "Glow Lab"), "VIEWER"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Glow Lab"))
                .andExpect(jsonPath("$.version").value(0)).andExpect(jsonPath("$.logo").isEmpty())
                .andExpect(jsonPath("$.texts").isEmpty());

        mvc.perform(asEditor(saveProfile("Glow Lab", 0, """
                {"ko": {"displayName": " 글로우랩 ", "description": "서울에서 만든 콜라겐과 피부 영양제."},
                 "en": {"displayName": "Glow Lab", "description": "Collagen and skin care made in Seoul."},
                 "th": {"displayName": " ", "description": ""}}""")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.texts.ko.displayName").value("글로우랩"))
                .andExpect(jsonPath("$.texts.th").doesNotExist());
        var logo = png(160, 80);
        var url = com.jayway.jsonpath.JsonPath.<String>read(mvc.perform(asEditor(put("/api/admin/brands/logo")
                .param("name", "Glow Lab").contentType(MediaType.APPLICATION_OCTET_STREAM).content(logo)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8), "$.logo");
        assertThat(url).matches("/media/[0-9a-f]{64}\\.png");

        var korean = awaitPage("/ko-kr/brands/glow-lab", 200, body -> body.contains("글로우랩"), Duration.ofSeconds(10));
        assertThat(korean).contains("<h1>글로우랩</h1>", "서울에서 만든 콜라겐과 피부 영양제.",
                "src=\"" + url + "\"", "width=\"160\"", "height=\"80\"", "data-sku=\"HS-COLLAGEN-30\"");
        assertThat(awaitPage("/en-us/brands/glow-lab", 200, body -> body.contains(url), Duration.ofSeconds(10)))
                .contains("Collagen and skin care made in Seoul.");
        // No Indonesian text: the English one, not the Korean.
        assertThat(awaitPage("/id-id/brands/glow-lab", 200, body -> body.contains(url), Duration.ofSeconds(10)))
                .contains("Collagen and skin care made in Seoul.").doesNotContain("글로우랩");
        mvc.perform(get(url)).andExpect(status().isOk());
        mvc.perform(as(get("/api/admin/brands"), "VIEWER"))
                .andExpect(jsonPath("$[?(@.name == 'Glow Lab')].logo").value(org.hamcrest.Matchers.contains(url)))
                .andExpect(jsonPath("$[?(@.name == 'Glow Lab')].languages[*]")
                        .value(org.hamcrest.Matchers.contains("en", "ko")));
        assertThat(audited("brand.profile", "Glow Lab")).last()
                .satisfies(row -> assertThat(row).startsWith("editor ").contains("글로우랩"));
        assertThat(audited("brand.logo", "Glow Lab")).last().satisfies(row -> assertThat(row).contains(url));

        mvc.perform(asEditor(delete("/api/admin/brands/logo").param("name", "Glow Lab"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.logo").isEmpty()).andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.texts.ko.displayName").value("글로우랩"));
        assertThat(awaitPage("/ko-kr/brands/glow-lab", 200, body -> !body.contains(url), Duration.ofSeconds(10)))
                .doesNotContain(url).contains("<h1>글로우랩</h1>");
    }

    @Test
    void aProfileEditOfAnOlderVersionIsRefusedWithTheCurrentProfileAndNothingChanges() throws Exception {
        mvc.perform(asEditor(saveProfile("Glow Lab", 0, "{\"en\": {\"displayName\": \"Glow Lab Seoul\"}}")))
                .andExpect(status().isOk());
        mvc.perform(asEditor(saveProfile("Glow Lab", 0, "{\"en\": {\"displayName\": \"Glow\"}}"))
                .header("Accept-Language", "ko"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/stale-brand"))
                .andExpect(jsonPath("$.title").value("다른 사람이 변경함"))
                .andExpect(jsonPath("$.editedVersion").value(0)).andExpect(jsonPath("$.currentVersion").value(1))
                .andExpect(jsonPath("$.current.texts.en.displayName").value("Glow Lab Seoul"));
        mvc.perform(as(get("/api/admin/brands/profile").param("name", "Glow Lab"), "VIEWER"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.texts.en.displayName").value("Glow Lab Seoul"));
    }

    @Test
    void invalidTextsAndLogosAreRefusedFieldByFieldAndNothingIsSaved() throws Exception {
        var audits = audited("brand.profile", "Glow Lab").size() + audited("brand.logo", "Glow Lab").size();
        mvc.perform(asEditor(saveProfile("Glow Lab", 0, """
                {"fr": {"displayName": "Glow"}, "ko": {"description": "이름 없는 설명"},
                 "en": {"displayName": "%s", "description": "%s"}}""".formatted("G".repeat(81), "d".repeat(601)))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/invalid-input"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("texts.fr",
                        "texts.ko.displayName", "texts.en.displayName", "texts.en.description")))
                .andExpect(jsonPath("$.errors[?(@.field == 'texts.fr')].code").value(
                        org.hamcrest.Matchers.contains("unknown")))
                .andExpect(jsonPath("$.errors[?(@.field == 'texts.ko.displayName')].code").value(
                        org.hamcrest.Matchers.contains("required")))
                .andExpect(jsonPath("$.errors[?(@.field == 'texts.en.description')].code").value(
                        org.hamcrest.Matchers.contains("tooLong")));
        mvc.perform(asEditor(put("/api/admin/brands/logo").param("name", "Glow Lab")
                .contentType(MediaType.APPLICATION_OCTET_STREAM).content("GIF89a not a png".getBytes())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].code").value("format"));
        mvc.perform(asEditor(put("/api/admin/brands/logo").param("name", "Glow Lab")
                .contentType(MediaType.APPLICATION_OCTET_STREAM).content(new byte[0])))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("required"));
        mvc.perform(asEditor(saveProfile("No Such Brand", 0, "{}"))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/unknown-brand"));
        assertThat(profileVersion("Glow Lab")).isZero();
        assertThat(audited("brand.profile", "Glow Lab").size() + audited("brand.logo", "Glow Lab").size())
                .isEqualTo(audits);
    }

    @Test
    void aRenameCarriesTheProfileEvenToANameWithASlashAndAMergeAddsOnlyWhatTheTargetLacks() throws Exception {
        mvc.perform(asEditor(saveProfile("Glow Lab", 0, """
                {"en": {"displayName": "Glow Lab"}, "ko": {"displayName": "글로우랩"}}"""))).andExpect(status().isOk());
        var logo = com.jayway.jsonpath.JsonPath.<String>read(mvc.perform(asEditor(put("/api/admin/brands/logo")
                .param("name", "Glow Lab").contentType(MediaType.APPLICATION_OCTET_STREAM).content(png(64, 64))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8), "$.logo");
        mvc.perform(asEditor(saveProfile("Blue Sea Lab", 0, """
                {"en": {"displayName": "Blue Sea Laboratories"}}"""))).andExpect(status().isOk());

        mvc.perform(asEditor(rename("Glow Lab", "Glow/Lab & Co"))).andExpect(status().isOk());
        mvc.perform(as(get("/api/admin/brands/profile").param("name", "Glow/Lab & Co"), "VIEWER"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.texts.ko.displayName").value("글로우랩"))
                .andExpect(jsonPath("$.logo").value(logo));
        assertThat(profileVersion("Glow Lab")).isZero();

        mvc.perform(asEditor(rename("Glow/Lab & Co", "Blue Sea Lab"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.merged").value(true));
        mvc.perform(as(get("/api/admin/brands/profile").param("name", "Blue Sea Lab"), "VIEWER"))
                .andExpect(jsonPath("$.texts.en.displayName").value("Blue Sea Laboratories"))
                .andExpect(jsonPath("$.texts.ko.displayName").value("글로우랩"))
                .andExpect(jsonPath("$.logo").value(logo));
        assertThat(profileVersion("Glow/Lab & Co")).isZero();
    }

    @Test
    void viewersReadProfilesButOnlyCatalogManagersAndAdminsChangeThem() throws Exception {
        for (var roles : List.of("VIEWER", "ORDER_MANAGER", "CONTENT_MANAGER,FINANCE")) {
            mvc.perform(as(saveProfile("Glow Lab", 0, "{\"en\": {\"displayName\": \"X\"}}"), roles))
                    .andExpect(status().isForbidden());
            mvc.perform(as(put("/api/admin/brands/logo").param("name", "Glow Lab")
                    .contentType(MediaType.APPLICATION_OCTET_STREAM).content(png(8, 8)), roles))
                    .andExpect(status().isForbidden());
        }
        assertThat(profileVersion("Glow Lab")).isZero();
        mvc.perform(as(saveProfile("Glow Lab", 0, "{\"en\": {\"displayName\": \"X\"}}"), "ADMIN"))
                .andExpect(status().isOk());
    }
}
