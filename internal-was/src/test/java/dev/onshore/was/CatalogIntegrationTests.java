package dev.onshore.was;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.onshore.was.catalog.InvalidRegulatoryDataException;
import dev.onshore.was.catalog.Operator;
import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.ProductSearch;
import dev.onshore.was.catalog.ProductView;
import dev.onshore.was.catalog.RegulatoryViolation;
import dev.onshore.was.catalog.Sku;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The catalog, its search and the storefront pages on real MariaDB with the demo catalog. */
class CatalogIntegrationTests extends CatalogTestSupport {

    @Autowired
    ProductCatalog catalog;

    @Autowired
    ProductSearch search;

    @Autowired
    MockMvc mvc;

    private Set<String> skus(String market, String language, String text) {
        return search.search(ProductSearch.Request.of(market, language, text)).hits().stream().map(ProductView::sku)
                .collect(Collectors.toSet());
    }

    @Test
    void demoCatalogHasFortyProductsInSevenLanguagesAndEightMarkets() {
        var all = catalog.listForOperators("en");
        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        assertThat(catalog.completeness(new Sku("HS-VITD-2000")).keySet()).contains("en", "ko", "id", "ms", "zh", "ja",
                "th");
        assertThat(catalog.completeness(new Sku("HS-VITD-2000"))).containsEntry("en", 100);
        for (var market : List.of("KR", "US", "ID", "MY", "SG", "CN", "JP", "TH")) {
            assertThat(catalog.listForShoppers(market, "en")).as(market).hasSizeGreaterThan(10);
        }
        assertThat(catalog.categoryPath("health.vitamins.minerals.magnesium", "id")).extracting("name")
                .containsExactly("Suplemen kesehatan", "Vitamin dan mineral", "Mineral", "Magnesium");
        assertThat(catalog.categoryPath("health.vitamins.minerals.magnesium", "ja")).extracting("name")
                .containsExactly("健康食品", "ビタミン・ミネラル", "ミネラル", "マグネシウム");
    }

    @Test
    void koreanSearchForVitaminFindsTheKoreanVitaminCProduct() {
        assertThat(skus("KR", "ko", "비타민")).contains("HS-VITC-1000", "HS-VITD-2000");
        assertThat(skus("KR", "ko", "홍삼")).contains("HS-REDGINSENG-30").doesNotContain("HS-VITC-1000");
    }

    @Test
    void indonesianSearchForVitaminCFindsItAndRanksVitaminCFirst() {
        var hits = search.search(ProductSearch.Request.of("ID", "id", "vitamin c")).hits();
        assertThat(hits).extracting(ProductView::sku).contains("HS-VITC-1000", "HS-VITC-GUMMY");
        assertThat(hits.getFirst().name()).containsIgnoringCase("vitamin c");
        assertThat(skus("ID", "id", "kolagen")).contains("HS-COLLAGEN-30");
    }

    @Test
    void chineseAndMalaySearchesUseTheirAnalyzers() {
        assertThat(skus("CN", "zh", "维生素")).contains("HS-VITD-2000");
        assertThat(skus("MY", "ms", "kolagen")).contains("HS-COLLAGEN-30");
    }

    @Test
    void productsUnsellableInIndonesiaNeverAppearThere() {
        // Not offered, no BPOM number, expired Halal certificate, draft.
        var unsellable = Set.of("HS-OMEGA3-90", "HS-ZINC-30", "HS-KRILL-OIL", "HS-VITC-POWDER", "HS-GLUTATHIONE",
                "HS-POSTBIO");
        var everything = search.search(new ProductSearch.Request("ID", "id", "", null, null, null, null,
                ProductSearch.Sort.RELEVANCE, 1));
        assertThat(everything.total()).isGreaterThan(20);
        for (var text : List.of("omega", "seng", "krill", "vitamin c", "glutathione", "postbiotik", "")) {
            assertThat(skus("ID", "id", text)).as(text).doesNotContainAnyElementsOf(unsellable);
        }
        assertThat(catalog.listForShoppers("ID", "id")).extracting(ProductView::sku)
                .doesNotContainAnyElementsOf(unsellable);
        assertThat(skus("SG", "en", "zinc")).contains("HS-ZINC-30");
    }

    @Test
    void searchOffersFacetsSortAndPagination() {
        var page = search.search(new ProductSearch.Request("ID", "id", "", "health.vitamins", null, null, null,
                ProductSearch.Sort.PRICE_ASC, 1));
        assertThat(page.hits()).isNotEmpty();
        assertThat(page.brands()).extracting(ProductSearch.FacetValue::value).contains("Hanbit Health");
        assertThat(page.priceRanges()).isNotEmpty();
        var prices = page.hits().stream().map(ProductView::price).toList();
        assertThat(prices).isSortedAccordingTo(java.math.BigDecimal::compareTo);
        var second = search.search(new ProductSearch.Request("KR", "ko", "", null, null, null, null,
                ProductSearch.Sort.RELEVANCE, 2));
        assertThat(second.pages()).isEqualTo(2);
        assertThat(second.hits()).isNotEmpty();
    }

    @Test
    void hostileSearchStringsGiveSafeResults() throws Exception {
        // Query syntax is plain text: no match-all, no other market's field, no regex; the text is shown escaped.
        assertThat(skusFound("vitamin")).as("the control: a plain word finds products").contains("HS-VITC-1000");
        for (var text : List.of("*:* OR 1=1", "'; DROP TABLE product; --", "name_id:(vitamin) AND market:US",
                "\"unclosed", "vitamin~ ^3 [a TO z] {x}", "💊🍋", "/.*/", "<script>alert(1)</script>")) {
            assertThat(skusFound(text)).as(text).isEmpty();
        }
        var echoed = mvc.perform(get("/id-id/search").param("q", "<script>alert(1)</script>")).andReturn().getResponse()
                .getContentAsString();
        assertThat(echoed).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        assertThat(skusFound("\u202Evitamin\u202C \u200F")).as("bidi controls are not part of the word")
                .isEqualTo(skusFound("vitamin"));
        assertThat(skusFound("vitamin")).as("the catalog after the DROP TABLE text").contains("HS-VITC-1000");
        // The longest Thai texts allowed (each Thai word is a dictionary word or a phrase of character pairs): an
        // answer, never too many clauses.
        assertThat(skusFound("ลูทีน ".repeat(33).strip())).contains("HS-LUTEIN-60");
        assertThat(skusFound("ฟหกดเ้่าส".repeat(22))).isEmpty();
        assertThat(skusFound("กข ".repeat(66).strip())).isEmpty();
        skusFound("ก ".repeat(100).strip());
        mvc.perform(get("/id-id/search").param("q", "a".repeat(10_000))).andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("200")));
        mvc.perform(get("/id-id/search").param("q", "vitamin").param("price", "1-2-3"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/id-id/search").param("q", "\u202Evitamin c\u202C")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-sku=\"HS-VITC-1000\"")));
    }

    /** The SKUs of the product cards the Indonesian search page lists for the text (200 required). */
    private List<String> skusFound(String text) throws Exception {
        var page = mvc.perform(get("/id-id/search").param("q", text)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        return java.util.regex.Pattern.compile("data-sku=\"([^\"]+)\"").matcher(page).results()
                .map(match -> match.group(1)).toList();
    }

    @Test
    void styleSheetsAreServedByContentHashAndCachedForAYearWhileOtherFilesAreRevalidated() throws Exception {
        // Pages inline the sheet (StorefrontLighthouseIntegrationTests); its hashed address stays for other readers.
        var css = "/css/storefront-" + org.springframework.util.DigestUtils.md5DigestAsHex(
                new org.springframework.core.io.ClassPathResource("static/css/storefront.css").getInputStream())
                + ".css";
        mvc.perform(get(css)).andExpect(status().isOk()).andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Cache-Control",
                        org.hamcrest.Matchers.containsString("max-age=31536000")));
        mvc.perform(get("/img/cms/hero.svg")).andExpect(status().isOk()).andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Cache-Control",
                        org.hamcrest.Matchers.containsString("no-cache")));
    }

    @Test
    void aPagesLinksAreNeverSearchedForOnTheClassPath(
            @Autowired org.springframework.web.servlet.resource.ResourceUrlProvider resources) throws Exception {
        // Every link a template writes is offered to the static handlers whose pattern matches it; a catch-all
        // pattern made each one a class path search on every render (StaticAssets).
        var matcher = new org.springframework.util.AntPathMatcher();
        assertThat(resources.getHandlerMap().keySet()).contains("/css/**", "/img/**")
                .noneMatch(pattern -> matcher.match(pattern, "/id-id/cart"))
                .noneMatch(pattern -> matcher.match(pattern, "/api/shop/v1/orders/ON1"));
        mvc.perform(get("/img/cms/missing.svg")).andExpect(status().isNotFound());
    }

    @Test
    void metricsAreRefusedToAnyoneButTheConfiguredScrapers() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(request -> {
            request.setRemoteAddr("10.20.0.5"); // the internal L4 forwarding a DMZ request, say
            return request;
        })).andExpect(status().isForbidden());
    }

    @Test
    void invalidRegulatoryDataIsRefusedFieldByFieldAndNothingIsSaved() {
        var sku = new Sku("HS-VITC-1000");
        var before = catalog.findForShopper(sku, "ID", "id").orElseThrow().regulatory();
        assertThatThrownBy(() -> catalog.recordRegulatory(sku, "ID",
                Map.of("bpomNumber", "12345", "halalExpiry", "31/12/2030", "color", "red")))
                .isInstanceOfSatisfying(InvalidRegulatoryDataException.class, e -> assertThat(e.violations())
                        .containsExactlyInAnyOrder(new RegulatoryViolation("bpomNumber", "pattern"),
                                new RegulatoryViolation("halalCertificate", "required"),
                                new RegulatoryViolation("halalExpiry", "date"),
                                new RegulatoryViolation("color", "unknown")));
        assertThat(catalog.findForShopper(sku, "ID", "id").orElseThrow().regulatory()).isEqualTo(before);
    }

    @Test
    void storefrontPagesKeepTheirContract() throws Exception {
        mvc.perform(get("/id-id/")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-sku=\"HS-COLLAGEN-30\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Rp\u00a0399.000")))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("data-sku=\"HS-OMEGA3-90\""))));
        mvc.perform(get("/xx-yy/")).andExpect(status().isNotFound());
    }

    @Test
    void productDetailIsLocalizedWithAlternatesAndRegulatoryData() throws Exception {
        mvc.perform(get("/id-id/p/HS-VITC-1000")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("<html lang=\"id-ID\""),
                        org.hamcrest.Matchers.containsString("rel=\"canonical\" href=\"https://id.onshore.test/id-id/p/HS-VITC-1000\""),
                        org.hamcrest.Matchers.containsString("hreflang=\"ko-KR\" href=\"https://shop.onshore.test/ko-kr/p/HS-VITC-1000\""),
                        org.hamcrest.Matchers.containsString("Nomor registrasi BPOM"),
                        org.hamcrest.Matchers.containsString("Rp\u00a0189.000"),
                        org.hamcrest.Matchers.containsString("Maksimal"))));
        mvc.perform(get("/id-id/p/HS-OMEGA3-90")).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Halaman tidak ditemukan")));
        mvc.perform(get("/id-id/p/<script>")).andExpect(status().isNotFound());
    }

    @Test
    void productPagesCardsAndBrandFacetsNameTheBrandInTheShoppersLanguage() throws Exception {
        mvc.perform(get("/ko-kr/p/HS-VITC-1000")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "<a href=\"/ko-kr/brands/hanbit-health\">한빛헬스</a>")));
        mvc.perform(get("/ko-kr/c/health.vitamins")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "<p class=\"brand-name\">한빛헬스</p>")));
        mvc.perform(get("/ko-kr/search").param("q", "비타민")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*>한빛헬스 \\([0-9]+\\)</a>.*")));
        // No Indonesian name in the demo's profile of Hanbit Health: the English one.
        mvc.perform(get("/id-id/p/HS-VITC-1000")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(">Hanbit Health</a>")));
    }

    @Test
    void categoryBrandAndSitemapPagesRender() throws Exception {
        mvc.perform(get("/id-id/c/health.vitamins")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Vitamin dan mineral")));
        mvc.perform(get("/id-id/c/no.such")).andExpect(status().isNotFound());
        // The demo brand's profile: its Korean name and description, and its logo.
        mvc.perform(get("/ko-kr/brands/hanbit-health")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("data-sku=\"HS-VITC-1000\""),
                        org.hamcrest.Matchers.containsString("<h1>한빛헬스</h1>"),
                        org.hamcrest.Matchers.containsString("온 가족을 위해 만든"),
                        org.hamcrest.Matchers.matchesPattern(
                                "(?s).*class=\"brand-profile\">\\s*<img [^>]*/media/[0-9a-f]{64}\\.png[^>]*>.*"),
                        org.hamcrest.Matchers.containsString("width=\"240\" height=\"96\""))));
        // Called on the internal address, as the edge does: the URLs still name the public one.
        mvc.perform(get("/id-id/sitemap.xml").header("Host", "127.0.0.1:8081")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("<loc>https://id.onshore.test/id-id/p/HS-VITC-1000</loc>"),
                        org.hamcrest.Matchers.containsString("hreflang=\"en-US\" href=\"https://shop.onshore.test/en-us/p/HS-VITC-1000\""),
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("127.0.0.1")),
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("/id-id/p/HS-OMEGA3-90<")))));
        mvc.perform(get("/sitemap.xml").header("Host", "127.0.0.1:8081")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("<loc>https://shop.onshore.test/ko-kr/sitemap.xml</loc>"),
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("127.0.0.1")))));
    }

    @Test
    void publishingADraftMakesItSearchableThroughTheEvents() throws Exception {
        assertThat(skus("ID", "id", "propolis")).doesNotContain("HS-PROPOLIS-SPRAY");
        var propolis = new Sku("HS-PROPOLIS-SPRAY");
        catalog.submit(propolis, new Operator("editor"));
        catalog.approve(propolis, new Operator("reviewer"));
        catalog.publish(propolis, new Operator("reviewer"));
        for (int i = 0; i < 50 && !skus("ID", "id", "propolis").contains("HS-PROPOLIS-SPRAY"); i++) {
            Thread.sleep(100);
        }
        assertThat(skus("ID", "id", "propolis")).contains("HS-PROPOLIS-SPRAY");
        catalog.suspend(propolis, new Operator("reviewer"));
        for (int i = 0; i < 50 && skus("ID", "id", "propolis").contains("HS-PROPOLIS-SPRAY"); i++) {
            Thread.sleep(100);
        }
        assertThat(skus("ID", "id", "propolis")).doesNotContain("HS-PROPOLIS-SPRAY");
    }
}
