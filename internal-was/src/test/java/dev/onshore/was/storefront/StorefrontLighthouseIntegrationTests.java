package dev.onshore.was.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.onshore.was.CatalogTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** What Lighthouse (mobile) found failing on the storefront's pages and was ours to fix (issue 14). */
class StorefrontLighthouseIntegrationTests extends CatalogTestSupport {

    private static final List<String> PAGES = List.of("/id-id/", "/ko-kr/c/health.vitamins", "/en-us/search?q=vitamin",
            "/en-us/p/HS-VITC-1000");

    /** The edge's Content-Security-Policy, in dmz-api's source tree (the build copies it into this application). */
    private static final Path EDGE_POLICY = Path.of("../dmz-api/src/main/resources/dev/onshore/edge/"
            + "content-security-policy.txt");

    @Autowired
    MockMvc mvc;

    @Test
    void everyPageNamesItsIconInlineSoNoBrowserAsksForAMissingFaviconIco() throws Exception {
        for (var page : PAGES) {
            assertThat(html(page)).as(page).contains("<link rel=\"icon\" href=\"data:image/svg+xml,");
        }
    }

    @Test
    void everyPageInlinesItsStyleSheetUnderAHashItsContentSecurityPolicyAllows() throws Exception {
        var sheet = mvc.perform(get("/css/storefront.css")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        // The policy dmz-api sends with every other response, read from its source: the page's may add a style
        // hash, never differ in anything else.
        var edgePolicy = Files.readString(EDGE_POLICY).strip();
        assertThat(edgePolicy).startsWith("default-src 'self';").contains("frame-ancestors 'none'")
                .doesNotContain("style-src");
        var pages = new java.util.ArrayList<>(PAGES);
        pages.add("/en-us/no-such-page");
        for (var page : pages) {
            for (var visit = 1; visit <= 2; visit++) { // rendered, then from the page cache
                var response = mvc.perform(get(page)).andReturn().getResponse();
                var html = response.getContentAsString(StandardCharsets.UTF_8);
                assertThat(html).as(page).doesNotContain("rel=\"stylesheet\"");
                var style = Pattern.compile("(?s)<style>(.*?)</style>").matcher(html);
                assertThat(style.find()).as("an inline style in " + page).isTrue();
                assertThat(style.group(1)).as(page).isEqualTo(sheet);
                var digest = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(style.group(1).getBytes(StandardCharsets.UTF_8));
                assertThat(response.getHeader("Content-Security-Policy")).as(page + " visit " + visit)
                        .isEqualTo(edgePolicy + "; style-src 'self' 'sha256-"
                                + java.util.Base64.getEncoder().encodeToString(digest) + "'");
            }
        }
    }

    @Test
    void theSwitchersSubcategoriesAndFacetsLinksAreTapTargetsOfAtLeast24Pixels() throws Exception {
        var css = mvc.perform(get("/css/storefront.css")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
        for (var selector : List.of(".locales a", ".subcategories a", ".facets a")) {
            var rules = Pattern.compile("([^{}]+)\\{([^}]*)\\}").matcher(css).results()
                    .filter(rule -> List.of(rule.group(1).split(",")).stream().map(String::strip)
                            .anyMatch(selector::equals))
                    .map(rule -> rule.group(2)).toList();
            assertThat(rules).as(selector).anySatisfy(rule -> assertThat(rule).contains("display: inline-block")
                    .contains("min-height: 24px"));
        }
    }

    private String html(String page) throws Exception {
        return mvc.perform(get(page)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
