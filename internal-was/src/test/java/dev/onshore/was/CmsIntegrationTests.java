package dev.onshore.was;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.onshore.was.catalog.ProductView;
import dev.onshore.was.cms.ItemContent;
import dev.onshore.was.cms.ItemContent.Rule;
import dev.onshore.was.cms.PageTemplate;
import dev.onshore.was.cms.ResolvedPage;
import dev.onshore.was.cms.SiteContent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The CMS on real MariaDB with the demo catalog and the demo home pages (in the catalog tests' context). */
class CmsIntegrationTests extends CatalogTestSupport {

    @Autowired
    SiteContent cms;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    /** Every test writes to a page of its own, so tests do not see each other's items. */
    private static String page() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private UUID text(String market, String page, String corner, String language, int priority,
            LocalDateTime start, LocalDateTime end, String text) {
        return cms.schedule(market, page, PageTemplate.HOME, corner, language, priority, start, end,
                new ItemContent.Text(text));
    }

    private static List<String> texts(ResolvedPage page, String corner) {
        return page.corner(corner).stream().map(block -> ((ResolvedPage.Text) block).text()).toList();
    }

    @Test
    void itemOutsideItsWindowIsNotShownAndAPreviewInsideTheWindowShowsIt() {
        var page = page();
        // 10:00 to 12:00 in Kuala Lumpur (UTC+8) is 02:00 to 04:00 UTC.
        text("MY", page, "highlights", "ms", 0, LocalDateTime.parse("2031-03-01T10:00"),
                LocalDateTime.parse("2031-03-01T12:00"), "Jualan kilat");
        text("MY", page, "highlights", "ms", 0, null, null, "Sentiasa");

        var now = cms.resolve("MY", "ms", page, Instant.now()).orElseThrow();
        assertThat(texts(now, "highlights")).containsExactly("Sentiasa");
        assertThat(texts(cms.resolve("MY", "ms", page, Instant.parse("2031-03-01T01:59:59Z")).orElseThrow(),
                "highlights")).containsExactly("Sentiasa");
        assertThat(texts(cms.resolve("MY", "ms", page, Instant.parse("2031-03-01T02:00:00Z")).orElseThrow(),
                "highlights")).containsExactlyInAnyOrder("Jualan kilat", "Sentiasa");
        assertThat(texts(cms.resolve("MY", "ms", page, Instant.parse("2031-03-01T04:00:00Z")).orElseThrow(),
                "highlights")).containsExactly("Sentiasa");
        assertThat(jdbc.queryForObject("SELECT DATE_FORMAT(CONVERT_TZ(starts_at, @@session.time_zone, '+00:00'),"
                + " '%H:%i') FROM cms_item WHERE content LIKE '%Jualan kilat%'", String.class))
                .as("stored as UTC").isEqualTo("02:00");
    }

    @Test
    void demoHomePageHasAFutureNoticeThatOnlyAPreviewShows() {
        var today = cms.resolve("ID", "id", SiteContent.HOME, Instant.now()).orElseThrow();
        var inFifteenDays = cms.resolve("ID", "id", SiteContent.HOME, Instant.now().plusSeconds(15 * 86_400))
                .orElseThrow();

        assertThat(today.corner("highlights")).noneMatch(b -> b instanceof ResolvedPage.Text t
                && t.text().startsWith("Harbolnas"));
        assertThat(inFifteenDays.corner("highlights").getFirst()).isInstanceOfSatisfying(ResolvedPage.Text.class,
                t -> assertThat(t.text()).startsWith("Harbolnas"));
    }

    @Test
    void cornerFallsBackToTheSiteLanguageThenEnglishAndEveryLanguageItemsAlwaysShow() {
        var page = page();
        text("ID", page, "highlights", "id", 0, null, null, "Halo");
        text("ID", page, "highlights", "en", 0, null, null, "Hello");
        text("ID", page, "products", "en", 0, null, null, "English only");
        text("ID", page, "products", "*", 0, null, null, "Everyone");
        cms.schedule("ID", page, PageTemplate.HOME, "hero", "*", 0, null, null,
                new ItemContent.Banner("/img/cms/hero.svg", null, Map.of("en", "Vitamins", "id", "Vitamin")));

        var indonesian = cms.resolve("ID", "id", page, Instant.now()).orElseThrow();
        assertThat(texts(indonesian, "highlights")).containsExactly("Halo");
        assertThat(texts(indonesian, "products")).containsExactlyInAnyOrder("English only", "Everyone");
        assertThat(((ResolvedPage.Banner) indonesian.corner("hero").getFirst()).alt()).isEqualTo("Vitamin");

        assertThat(texts(cms.resolve("ID", "en", page, Instant.now()).orElseThrow(), "highlights"))
                .containsExactly("Hello");
        var korean = cms.resolve("ID", "ko", page, Instant.now()).orElseThrow();
        assertThat(texts(korean, "highlights")).as("no Korean item: the site's language").containsExactly("Halo");
        assertThat(((ResolvedPage.Banner) korean.corner("hero").getFirst()).alt()).isEqualTo("Vitamins");
    }

    @Test
    void higherPriorityShowsFirst() {
        var page = page();
        text("SG", page, "highlights", "en", 5, null, null, "low");
        text("SG", page, "highlights", "en", 50, null, null, "high");
        text("SG", page, "highlights", "en", 20, null, null, "middle");

        assertThat(texts(cms.resolve("SG", "en", page, Instant.now()).orElseThrow(), "highlights"))
                .containsExactly("high", "middle", "low");
    }

    @Test
    void htmlBlocksLoseScriptsEventHandlersAndJavascriptUrls() {
        var page = page();
        var hostile = "<p onclick=\"steal()\">Hi <b>there</b><script>alert(1)</script>"
                + "<a href=\"javascript:alert(2)\" onmouseover=\"alert(3)\">x</a><img src=x onerror=alert(4)>"
                + "<a href=\"https://example.com/\">ok</a><iframe src=\"https://evil.test\"></iframe></p>";
        var id = cms.schedule("US", page, PageTemplate.HOME, "highlights", "en", 0, null, null,
                new ItemContent.Html(hostile));

        var stored = jdbc.queryForObject("SELECT content FROM cms_item WHERE id = ?", String.class, id.toString());
        var shown = ((ResolvedPage.Html) cms.resolve("US", "en", page, Instant.now()).orElseThrow()
                .corner("highlights").getFirst()).html();
        for (var html : List.of(stored, shown)) {
            assertThat(html).doesNotContainIgnoringCase("script").doesNotContainIgnoringCase("onclick")
                    .doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("onmouseover")
                    .doesNotContainIgnoringCase("javascript:").doesNotContainIgnoringCase("iframe")
                    .contains("Hi").contains("there").contains("https://example.com/");
        }
    }

    @Test
    void productListsByRuleShowOnlyWhatTheMarketCanBuy() {
        var page = page();
        cms.schedule("ID", page, PageTemplate.HOME, "products", "id", 30, null, null,
                new ItemContent.ProductList("Pilihan", Rule.MANUAL, List.of("HS-OMEGA3-90", "HS-LUTEIN-60",
                        "NOT-A-SKU", "HS-VITC-1000"), null, 8));
        cms.schedule("ID", page, PageTemplate.HOME, "products", "id", 20, null, null,
                new ItemContent.ProductList("Glow Lab", Rule.BRAND, List.of(), "Glow Lab", 3));
        cms.schedule("ID", page, PageTemplate.HOME, "products", "id", 10, null, null,
                new ItemContent.ProductList("Vitamin", Rule.CATEGORY, List.of(), "health.vitamins.vitamin-c", 24));

        var lists = cms.resolve("ID", "id", page, Instant.now()).orElseThrow().corner("products").stream()
                .map(ResolvedPage.Products.class::cast).toList();
        assertThat(lists.get(0).products()).extracting(ProductView::sku).containsExactly("HS-LUTEIN-60",
                "HS-VITC-1000");
        assertThat(lists.get(1).products()).hasSizeBetween(1, 3).allSatisfy(p -> assertThat(p.brand())
                .isEqualTo("Glow Lab"));
        assertThat(lists.get(2).products()).extracting(ProductView::sku).contains("HS-VITC-1000")
                .doesNotContain("HS-VITC-POWDER"); // its Halal certificate expired
        assertThat(lists.get(2).products()).allSatisfy(p -> assertThat(p.currency().getCurrencyCode())
                .isEqualTo("IDR"));
    }

    @Test
    void itemsThatDoNotFitAreRefused() {
        var page = page();
        assertThatThrownBy(() -> text("ID", page, "sidebar", "id", 0, null, null, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> text("ID", page, "hero", "id", 0, LocalDateTime.parse("2031-01-02T00:00"),
                LocalDateTime.parse("2031-01-01T00:00"), "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> text("XX", page, "hero", "id", 0, null, null, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ItemContent.Banner("https://evil.test/x.png", null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void indonesianHomePageIsTheMarketsCmsPage() throws Exception {
        mvc.perform(get("/id-id/")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Produk kami</h1>")))
                .andExpect(content().string(containsString("data-corner=\"hero\"")))
                .andExpect(content().string(containsString("alt=\"Vitamin dan ginseng merah Korea")))
                .andExpect(content().string(containsString("class=\"hot-deal\"")))
                .andExpect(content().string(containsString("Promo kilat hari ini")))
                .andExpect(content().string(containsString("<h2>Terlaris</h2>")))
                .andExpect(content().string(containsString("data-sku=\"HS-COLLAGEN-30\"")))
                .andExpect(content().string(containsString("data-sku=\"HS-LUTEIN-60\"")))
                .andExpect(content().string(containsString("Rp\u00a0399.000")))
                .andExpect(content().string(not(containsString("data-sku=\"HS-OMEGA3-90\""))))
                .andExpect(content().string(not(containsString("Harbolnas"))));
        mvc.perform(get("/ko-kr/")).andExpect(status().isOk())
                .andExpect(content().string(containsString("베스트셀러")));
    }

    @Test
    void previewApiNeedsAnOperatorToken() throws Exception {
        mvc.perform(get("/api/admin/cms/sites/ID/pages/home/preview").param("language", "id")
                .param("at", "2031-01-01T10:00")).andExpect(status().isUnauthorized());
    }
}
