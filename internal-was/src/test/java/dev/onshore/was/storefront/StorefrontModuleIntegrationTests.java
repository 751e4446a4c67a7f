package dev.onshore.was.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
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
        mvc.perform(get("/").header("X-Onshore-Suggested-Country", "CN").header("X-Onshore-Suggested-Locale",
                "zh-Hans-CN").header("X-Onshore-Context-Source", "ACCEPT_LANGUAGE").header("Accept-Language", "id")
                .with(EdgeHop.signed())).andExpect(redirectedUrl("/zh-cn/"));
        // The same header from anyone but the edge is not believed.
        mvc.perform(get("/").header("X-Onshore-Suggested-Country", "CN").header("X-Onshore-Suggested-Locale",
                "zh-Hans-CN").header("Accept-Language", "id")).andExpect(redirectedUrl("/id-id/"));
    }

    @Test
    void japaneseAndThaiShoppersHaveStoresOfTheirOwn() throws Exception {
        mvc.perform(get("/").header("Accept-Language", "ja,en-US;q=0.7,en;q=0.3")).andExpect(redirectedUrl("/ja-jp/"));
        mvc.perform(get("/").header("Accept-Language", "th-TH,th;q=0.9")).andExpect(redirectedUrl("/th-th/"));
        // The edge's GeoIP country for a Thai address without Accept-Language opens the Thai store.
        mvc.perform(get("/").header("X-Onshore-Suggested-Country", "TH").header("X-Onshore-Suggested-Locale",
                "th-TH").header("X-Onshore-Context-Source", "GEOIP").with(EdgeHop.signed()))
                .andExpect(redirectedUrl("/th-th/"));
        mvc.perform(get("/ja-jp/")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"ja-JP\">")))
                .andExpect(content().string(containsString("· TH · THB")));
        mvc.perform(get("/th-th/")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"th-TH\">")))
                .andExpect(content().string(containsString("· JP · JPY")));
    }

    @Test
    void theRootSendsAShopperTheEdgeKnowsNothingAboutToTheXDefaultPage() throws Exception {
        // No Accept-Language match (fr), no GeoIP hit: the edge suggests nothing, and the site default is x-default.
        mvc.perform(get("/").header("X-Onshore-Country", "KR").header("X-Onshore-Locale", "ko-KR")
                .header("X-Onshore-Context-Source", "SITE_DEFAULT").header("Accept-Language", "fr-FR")
                .with(EdgeHop.signed())).andExpect(redirectedUrl("/en-us/"));
        mvc.perform(get("/").header("Accept-Language", "fr-FR")).andExpect(redirectedUrl("/en-us/"));
        mvc.perform(get("/en-us/")).andExpect(content().string(containsString(
                "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://shop.onshore.test/en-us/\">")));
    }

    @Test
    void aSavedChoiceInIndonesiaInEnglishOpensTheEnglishRupiahPages() throws Exception {
        mvc.perform(get("/").header("X-Onshore-Suggested-Country", "ID").header("X-Onshore-Suggested-Locale", "en-US")
                .header("X-Onshore-Context-Source", "EXPLICIT_CHOICE").with(EdgeHop.signed()))
                .andExpect(redirectedUrl("/en-id/"));
        mvc.perform(get("/").header("X-Onshore-Suggested-Country", "SG").header("X-Onshore-Suggested-Locale",
                "zh-Hans-SG").header("X-Onshore-Context-Source", "EXPLICIT_CHOICE").with(EdgeHop.signed()))
                .andExpect(redirectedUrl("/zh-sg/"));
    }

    @Test
    void aLocalizedUrlGetsItsPageAndSuggestsTheDetectedMarketInItsLanguage() throws Exception {
        mvc.perform(get("/en-us/").header("X-Onshore-Suggested-Country", "ID").header("X-Onshore-Suggested-Locale",
                        "id-ID").header("X-Onshore-Context-Source", "URL_PREFIX").with(EdgeHop.signed()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"en-US\">")))
                .andExpect(content().string(containsString("<aside class=\"suggestion\" lang=\"id\"")))
                .andExpect(content().string(containsString("<p>Berbelanja dari Indonesia? Halaman ini juga tersedia")))
                .andExpect(content().string(containsString("dengan harga dalam IDR.</p>")))
                .andExpect(content().string(containsString(
                        "<a class=\"suggestion-go\" href=\"/choice?locale=id-id&amp;next=%2Fid-id%2F\">")))
                .andExpect(content().string(containsString(
                        "<a class=\"suggestion-stay\" href=\"/choice?locale=en-us&amp;next=%2Fen-us%2F\">")));
        // The page the shopper is on is what the edge suggests: nothing to offer.
        mvc.perform(get("/id-id/").header("X-Onshore-Suggested-Country", "ID").header("X-Onshore-Suggested-Locale",
                        "id-ID").header("X-Onshore-Context-Source", "URL_PREFIX").with(EdgeHop.signed()))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("class=\"suggestion\""))));
        // The cached page of one shopper is not served with another's banner.
        mvc.perform(get("/en-us/").with(EdgeHop.signed())).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("class=\"suggestion\""))));
    }

    @Test
    void choosingALocaleSavesTheChoiceCookieAndOpensThePageAskedFor() throws Exception {
        mvc.perform(get("/choice").param("locale", "en-id").param("next", "/en-id/c/health"))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/en-id/c/health"))
                .andExpect(cookie().value("onshore_choice", "1|ID|en-US||"))
                .andExpect(cookie().maxAge("onshore_choice", 365 * 24 * 3600))
                .andExpect(cookie().httpOnly("onshore_choice", true));
        // A time zone for displayed times, kept when the language changes later.
        mvc.perform(get("/choice").param("locale", "id-id").param("zone", "Asia/Seoul").param("next", "/id-id/"))
                .andExpect(cookie().value("onshore_choice", "1|ID|id-ID||Asia/Seoul"));
        mvc.perform(get("/choice").param("locale", "en-id").param("next", "/en-id/")
                        .cookie(new jakarta.servlet.http.Cookie("onshore_choice", "1|ID|id-ID||Asia/Seoul")))
                .andExpect(cookie().value("onshore_choice", "1|ID|en-US||Asia/Seoul"));
        // Never an open redirect; an unknown locale saves nothing.
        mvc.perform(get("/choice").param("locale", "en-id").param("next", "//evil.example/"))
                .andExpect(redirectedUrl("/en-id/"));
        mvc.perform(get("/choice").param("locale", "en-id").param("next", "https://evil.example/"))
                .andExpect(redirectedUrl("/en-id/"));
        mvc.perform(get("/choice").param("locale", "fr-fr").param("next", "/fr-fr/"))
                .andExpect(redirectedUrl("/en-us/")).andExpect(cookie().doesNotExist("onshore_choice"));
    }

    @Test
    void theSwitcherChangesTheLanguageWithoutTheCurrencyWhereTheMarketAllows() throws Exception {
        mvc.perform(get("/id-id/")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<a href=\"/choice?locale=en-id&amp;next=%2Fen-id%2F\""
                        + " hreflang=\"en-ID\" lang=\"en-ID\">English · ID · IDR</a>")));
        mvc.perform(get("/en-id/")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"en-ID\">")));
        mvc.perform(get("/zh-sg/")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"zh-SG\">")));
    }

    @Test
    void everySwitcherLinkNamesTheLanguageOfItsLabelAndOfThePageItOpens() throws Exception {
        var html = mvc.perform(get("/zh-cn/")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        var nav = html.substring(html.indexOf("<nav class=\"locales\""), html.indexOf("</nav>", html.indexOf(
                "<nav class=\"locales\"")));
        var links = java.util.regex.Pattern.compile("<a [^>]*>").matcher(nav).results().map(m -> m.group()).toList();
        assertThat(links).hasSize(10).allSatisfy(link -> {
            var target = java.util.regex.Pattern.compile("locale=([a-z]{2})-([a-z]{2})&").matcher(link);
            assertThat(target.find()).as(link).isTrue();
            var tag = target.group(1) + "-" + target.group(2).toUpperCase(java.util.Locale.ROOT);
            assertThat(link).contains(" hreflang=\"" + tag + "\"").contains(" lang=\"" + tag + "\"");
        });
        assertThat(nav).contains("lang=\"ko-KR\">한국어 · KR · KRW</a>").contains("lang=\"th-TH\">ไทย · TH · THB</a>");
    }

    @Test
    void everyPageLocaleHasASitemapAndShowsItsMarketsCurrencyInTheSwitcher() throws Exception {
        mvc.perform(get("/sitemap.xml")).andExpect(status().isOk())
                .andExpect(xpath("count(/*[local-name()='sitemapindex']/*[local-name()='sitemap'])").number(10.0));
        mvc.perform(get("/id-id/")).andExpect(status().isOk())
                .andExpect(content().string(containsString("· ID · IDR")))
                .andExpect(content().string(containsString("· SG · SGD")));
        mvc.perform(get("/fr-fr/")).andExpect(status().isNotFound());
    }
}
