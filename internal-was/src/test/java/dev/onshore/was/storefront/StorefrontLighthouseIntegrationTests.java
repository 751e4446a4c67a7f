package dev.onshore.was.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.onshore.was.CatalogTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** What Lighthouse (mobile) found failing on the storefront's pages and was ours to fix (issue 14). */
class StorefrontLighthouseIntegrationTests extends CatalogTestSupport {

    private static final List<String> PAGES = List.of("/id-id/", "/ko-kr/c/health.vitamins", "/en-us/search?q=vitamin",
            "/en-us/p/HS-VITC-1000");

    @Autowired
    MockMvc mvc;

    @Test
    void everyPageNamesItsIconInlineSoNoBrowserAsksForAMissingFaviconIco() throws Exception {
        for (var page : PAGES) {
            assertThat(html(page)).as(page).contains("<link rel=\"icon\" href=\"data:image/svg+xml,");
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
