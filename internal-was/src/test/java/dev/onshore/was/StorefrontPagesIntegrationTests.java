package dev.onshore.was;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

/**
 * The storefront pages over the demo catalog: search and listing as the filter form and the facets use them, and
 * navigation between locales.
 */
class StorefrontPagesIntegrationTests extends StorefrontPagesTestSupport {

    private static final Pattern PRICE_FACET = Pattern.compile("<a href=\"([^\"]*price=[0-9][^\"]*)\"[^>]*>([^<]*) \\((\\d+)\\)</a>");
    private static final Pattern COUNT = Pattern.compile("<p class=\"count\" role=\"status\">(\\d+) produk</p>");

    @Test
    void anUnknownPageUnderALocaleIsThatLocalesOwn404WithTitleHeaderAndSwitcher() throws Exception {
        var missing = page("/id-id/no-such-page");
        assertThat(missing.getResponse().getStatus()).isEqualTo(404);
        assertThat(body(missing)).contains("<html lang=\"id-ID\"").containsPattern("<title>[^<]+</title>")
                .contains("class=\"locales\"").contains("id=\"q\"");
        var deeper = page("/ko-kr/a/b/c");
        assertThat(deeper.getResponse().getStatus()).isEqualTo(404);
        assertThat(body(deeper)).contains("<html lang=\"ko-KR\"");
    }

    @Test
    void theFilterFormsEmptyFieldsAreNoFilters() throws Exception {
        var filtered = page("/id-id/search?q=vitamin&category=&brand=&price=&sort=RELEVANCE");
        var plain = page("/id-id/search?q=vitamin");
        assertThat(filtered.getResponse().getStatus()).isEqualTo(200);
        assertThat(skus(filtered)).isNotEmpty().isEqualTo(skus(plain));
    }

    @Test
    void aRefusedFilterNamesTheRealReasonInTheShoppersLanguage() throws Exception {
        var price = page("/id-id/search?q=vitamin&price=abc");
        assertThat(price.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(price)).contains("Filter harga harus berupa dua jumlah").doesNotContain("200 karakter");
        var reversed = page("/ko-kr/search?q=vitamin&price=50000-100");
        assertThat(reversed.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(reversed)).contains("가격 필터는");
        var longQuery = page("/id-id/search?q=" + "a".repeat(201));
        assertThat(longQuery.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(longQuery)).contains("200 karakter");
    }

    @Test
    void priceFacetsShowFormattedBoundsInTheMarketCurrencyAndCountWhatTheyFilter() throws Exception {
        var all = body(page("/id-id/search?q="));
        var facets = new LinkedHashMap<String, Long>();
        var labels = PRICE_FACET.matcher(all).results().map(m -> {
            facets.put(HtmlUtils.htmlUnescape(m.group(1)), Long.parseLong(m.group(3)));
            return m.group(2);
        }).toList();
        assertThat(labels).isNotEmpty().first().asString().matches("Rp\\h0 – Rp\\h200\\.000");
        assertThat(all).doesNotContain("IDR (");
        for (var facet : facets.entrySet()) {
            var filtered = body(page(facet.getKey()));
            var count = COUNT.matcher(filtered);
            assertThat(count.find()).as(facet.getKey()).isTrue();
            assertThat(Long.parseLong(count.group(1))).as("results of %s", facet.getKey()).isEqualTo(facet.getValue());
        }
        assertThat(facets.values().stream().mapToLong(Long::longValue).sum()).as("every product in one range")
                .isEqualTo(Long.parseLong(COUNT.matcher(all).results().findFirst().orElseThrow().group(1)));
    }

    @Test
    void aShopperFindsProductsInAnyScriptTheShopHasTranslationsForButOnlyWhatTheMarketSells() throws Exception {
        assertThat(skus(page("/id-id/search?q=비타민C"))).contains("HS-VITC-1000", "HS-VITC-GUMMY");
        var omega = skus(page("/id-id/search?q=오메가"));
        assertThat(omega).contains("HS-VEGAN-OMEGA").doesNotContain("HS-OMEGA3-KIDS");
        assertThat(skus(page("/id-id/search?q=维生素"))).contains("HS-VITC-1000");
        // The page's own language still comes first.
        var indonesian = skus(page("/id-id/search?q=vitamin+c"));
        assertThat(indonesian.getFirst()).startsWith("HS-VITC");
    }

    @Test
    void theSwitcherOnAProductNotSoldInAMarketOpensItsCategoryThereNotA404() throws Exception {
        // Kids Omega-3 is sold in the US, not in Indonesia.
        var product = body(page("/en-us/p/HS-OMEGA3-KIDS"));
        assertThat(product).contains("href=\"/choice?locale=id-id&amp;next=%2Fid-id%2Fc%2Fkids.omega\"")
                .contains("href=\"/choice?locale=ko-kr&amp;next=%2Fko-kr%2Fp%2FHS-OMEGA3-KIDS\"")
                // Only the same page elsewhere is an hreflang alternate.
                .contains("hreflang=\"ko-KR\" href=\"https://shop.onshore.test/ko-kr/p/HS-OMEGA3-KIDS\"")
                .doesNotContain("hreflang=\"id-ID\" href=");
        assertThat(page("/id-id/c/kids.omega").getResponse().getStatus()).isEqualTo(200);
        assertThat(page("/id-id/p/HS-OMEGA3-KIDS").getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theLocalized404KeepsTheHeaderSearchAndSwitcher() throws Exception {
        var missing = page("/ko-kr/p/HS-NOPE-1");
        assertThat(missing.getResponse().getStatus()).isEqualTo(404);
        assertThat(body(missing)).contains("<html lang=\"ko-KR\">").contains("<form class=\"search\" role=\"search\"")
                .contains("<nav class=\"locales\"").contains("href=\"/choice?locale=id-id&amp;next=%2Fid-id%2F\"")
                .doesNotContain("rel=\"alternate\"");
    }

    @Test
    void sitemapsCanonicalAndHreflangCarryThePublicHost() throws Exception {
        assertThat(body(page("/sitemap.xml"))).contains("<loc>https://id.onshore.test/id-id/sitemap.xml</loc>")
                .doesNotContain("localhost");
        assertThat(body(page("/id-id/sitemap.xml"))).contains("<loc>https://id.onshore.test/id-id/p/HS-VITC-1000</loc>")
                .doesNotContain("localhost");
        assertThat(body(page("/id-id/c/health"))).contains(
                "<link rel=\"canonical\" href=\"https://id.onshore.test/id-id/c/health\">").doesNotContain("localhost");
    }

    @Test
    void productAndCategoryPagesCarrySchemaOrgDataWithTheMarketsPriceAndCurrency() throws Exception {
        var product = body(page("/id-id/p/HS-VITC-1000"));
        assertThat(product).contains("<script type=\"application/ld+json\">")
                .contains("\"@type\":\"Product\"").contains("\"sku\":\"HS-VITC-1000\"")
                .contains("\"price\":\"189000\"").contains("\"priceCurrency\":\"IDR\"")
                .contains("\"availability\":\"https://schema.org/InStock\"")
                .contains("\"@type\":\"BreadcrumbList\"")
                .contains("\"item\":\"https://id.onshore.test/id-id/c/health\"");
        assertThat(body(page("/en-us/p/HS-VITC-1000"))).contains("\"priceCurrency\":\"USD\"");
        assertThat(body(page("/ko-kr/c/health.vitamins"))).contains("\"@type\":\"BreadcrumbList\"")
                .contains("\"position\":2");
    }

    @Test
    void aSingaporeDollarIsNeverABareDollarSign() throws Exception {
        assertThat(body(page("/en-sg/c/health"))).contains("SGD").doesNotContainPattern("<strong>\\$");
    }
}
