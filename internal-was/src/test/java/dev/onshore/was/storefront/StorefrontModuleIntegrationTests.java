package dev.onshore.was.storefront;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import dev.onshore.was.EdgeHop;
import dev.onshore.was.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The storefront pages over the catalog and the CMS, on MariaDB without demo data: which page locale a shopper is
 * sent to, and that page locales take their markets from the Markets bean.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "rates")
@AutoConfigureMockMvc
@ActiveProfiles("it")
class StorefrontModuleIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void theRootSendsTheShopperToThePageLocaleOfTheirAcceptLanguageOrTheGatewaysChoice() throws Exception {
        mvc.perform(get("/").header("Accept-Language", "ms-MY,ms;q=0.9,en;q=0.5")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/ms-my/"));
        mvc.perform(get("/").header("Accept-Language", "id;q=0, ko;q=0.8")).andExpect(redirectedUrl("/ko-kr/"));
        mvc.perform(get("/").header("Accept-Language", ";;;, *")).andExpect(redirectedUrl("/en-us/"));
        mvc.perform(get("/").header("X-Onshore-Locale", "zh-Hans-CN").header("Accept-Language", "id")
                .with(EdgeHop.signed())).andExpect(redirectedUrl("/zh-cn/"));
        // The same header from anyone but the edge is not believed.
        mvc.perform(get("/").header("X-Onshore-Locale", "zh-Hans-CN").header("Accept-Language", "id"))
                .andExpect(redirectedUrl("/id-id/"));
    }

    @Test
    void everyPageLocaleHasASitemapAndShowsItsMarketsCurrencyInTheSwitcher() throws Exception {
        mvc.perform(get("/sitemap.xml")).andExpect(status().isOk())
                .andExpect(xpath("count(/*[local-name()='sitemapindex']/*[local-name()='sitemap'])").number(6.0));
        mvc.perform(get("/id-id/")).andExpect(status().isOk())
                .andExpect(content().string(containsString("· ID · IDR")))
                .andExpect(content().string(containsString("· SG · SGD")));
        mvc.perform(get("/fr-fr/")).andExpect(status().isNotFound());
    }
}
