package dev.onshore.admin.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.onshore.admin.ScreenTests;
import dev.onshore.admin.StandIn.Call;
import dev.onshore.admin.StandIn;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The CMS and coupon screens against the shared stand-in of the internal WAS's admin API: what each role is offered,
 * what the screens send (the market's wall clock, the page version seen), how times show in the market's zone and in
 * KST, and how empty fields and the WAS's refusals show next to their fields instead of an error page.
 */
class ContentScreensIntegrationTests extends ScreenTests {

    static final String ITEM = "5a0b7e0e-5d43-4a44-9d7a-0d6c8e9a0001";

    static final String SITES = """
            [{"market":"KR","zone":"Asia/Seoul","defaultLanguage":"ko","languages":["ko","en"],"pages":["home"]},
             {"market":"ID","zone":"Asia/Jakarta","defaultLanguage":"id","languages":["id","en"],"pages":["home"]},
             {"market":"TH","zone":"Asia/Bangkok","defaultLanguage":"th","languages":["th","en"],"pages":[]}]""";

    static final String PAGE = """
            {"market":"ID","pageKey":"home","template":"HOME","zone":"Asia/Jakarta","version":3,
             "corners":["hero","highlights","products"],
             "items":[{"id":"%s","corner":"highlights","language":"id","priority":40,
               "startsAt":"2031-03-01T09:00:00","endsAt":"2031-03-04T09:00:00",
               "content":{"type":"text","text":"Promo Harbolnas"}},
              {"id":"5a0b7e0e-5d43-4a44-9d7a-0d6c8e9a0002","corner":"hero","language":"*","priority":10,
               "startsAt":null,"endsAt":null,
               "content":{"type":"banner","image":"/img/cms/hero.svg","link":"/id-id/c/health","alt":{"en":"Vitamins"}}}]}"""
            .formatted(ITEM);

    static final String PREVIEW = """
            {"market":"ID","language":"en","pageKey":"home","template":"HOME","at":"2031-03-01T02:00:00Z",
             "corners":[{"name":"hero","blocks":[{"type":"banner","itemId":"5a0b7e0e-5d43-4a44-9d7a-0d6c8e9a0002",
               "language":"*","priority":10,"image":"/img/cms/hero.svg","link":"/id-id/c/health","alt":"Vitamins"}]},
              {"name":"highlights","blocks":[{"type":"html","itemId":"5a0b7e0e-5d43-4a44-9d7a-0d6c8e9a0003",
               "language":"en","priority":5,"html":"<p>Big <b>sale</b></p>"}]},
              {"name":"products","blocks":[]}]}""";

    static final String COUPONS = """
            [{"code":"JAKARTA10","market":"ID","kind":"PERCENT","value":10,"minimumOrder":150000,"perCustomerLimit":1,
              "validFrom":"2026-12-01T00:00:00","validUntil":"2027-01-01T00:00:00","disabledAt":null,
              "createdBy":"mia","createdAt":"2026-11-30T01:00:00Z","redemptions":7,"zone":"Asia/Jakarta","currency":"IDR"},
             {"code":"OLD5000","market":"KR","kind":"AMOUNT","value":5000,"minimumOrder":null,"perCustomerLimit":2,
              "validFrom":null,"validUntil":null,"disabledAt":"2026-11-01T03:00:00Z",
              "createdBy":"mia","createdAt":"2026-10-01T01:00:00Z","redemptions":0,"zone":"Asia/Seoul","currency":"KRW"}]""";

    @RegisterExtension
    static final StandIn WAS = StandIn.start("/api/admin/", call -> new StandIn.Answer(404,
            "{\"status\":404,\"title\":\"Not found\",\"detail\":\"Nothing here.\"}"))
            .answering("GET /api/admin/cms/sites", 200, SITES)
            .answering("GET /api/admin/cms/sites/ID/pages/home", 200, PAGE)
            .answering("GET /api/admin/cms/sites/ID/pages/home/preview", 200, PREVIEW)
            .answering("POST /api/admin/cms/sites/ID/pages/home/items", 201, "{\"id\":\"" + ITEM + "\"}")
            .answering("PUT /api/admin/cms/sites/ID/pages/home/items/" + ITEM, 200,
                    "{\"id\":\"5a0b7e0e-5d43-4a44-9d7a-0d6c8e9a0009\"}")
            .answering("DELETE /api/admin/cms/sites/ID/pages/home/items/" + ITEM, 204, "")
            .answering("GET /api/admin/coupons", 200, COUPONS)
            .answering("POST /api/admin/coupons", 201, "{}")
            .answering("POST /api/admin/coupons/JAKARTA10/disable", 200, "{}");

    @DynamicPropertySource
    static void standIn(DynamicPropertyRegistry registry) {
        WAS.register(registry);
    }

    @Test
    void theSitesListEveryMarketWithItsZoneAndPagesAndTheNavigationLeadsThere() throws Exception {
        mvc.perform(get("/cms").with(as("vera", "VIEWER"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-site=\"ID\""), containsString("Asia/Jakarta"),
                        containsString("href=\"/cms/ID/home\""), containsString("href=\"/cms/TH/home\""),
                        containsString("data-nav=\"cms\""), containsString("data-nav=\"coupons\""))));
        mvc.perform(get("/marketing/coupons").with(as("fin", "FINANCE"))).andExpect(content().string(allOf(
                containsString("data-nav=\"coupons\""), not(containsString("data-nav=\"cms\"")))));
    }

    @Test
    void aPageShowsItsItemsInTheMarketsTimeAndKstAndThePreviewAsOfTheChosenTimeAndLanguage() throws Exception {
        mvc.perform(get("/cms/ID/home").param("language", "en").param("at", "2031-03-01T09:00")
                .with(as("mia", "CONTENT_MANAGER"))).andDo(snapshot("admin-cms-page")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Promo Harbolnas"),
                        // 09:00 in Jakarta is 11:00 in Seoul
                        containsString("2031-03-01 09:00"), containsString("2031-03-01 11:00"),
                        containsString("data-corner=\"hero\""), containsString("data-add"), containsString("data-remove"),
                        containsString("data-corner-empty"),
                        containsString("data-preview-corner=\"highlights\""), containsString("Vitamins"),
                        // the HTML block is shown in a sandbox without scripts, its markup escaped into srcdoc
                        containsString("sandbox=\"\""), containsString("srcdoc=\"&lt;p&gt;Big &lt;b&gt;sale"))));
        assertThat(WAS.calls("GET")).extracting(Call::uri)
                .contains("/api/admin/cms/sites/ID/pages/home/preview?language=en&at=2031-03-01T09%3A00");

        mvc.perform(get("/cms/ID/home").with(as("vera", "VIEWER"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Promo Harbolnas"), not(containsString("data-add")),
                        not(containsString("data-remove")))));
        // a language the market does not offer falls back to the site's; a time that is none is said so
        mvc.perform(get("/cms/ID/home").param("language", "xx").param("at", "soon").with(as("vera", "VIEWER")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Enter a date and time.")));
        assertThat(WAS.calls("GET").getLast().uri()).contains("language=id");
    }

    @Test
    void aPageWithoutItemsOffersTheFirstAndAnUnknownMarketLeadsBackToTheSites() throws Exception {
        mvc.perform(get("/cms/TH/home").with(as("mia", "CONTENT_MANAGER"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-no-page"), containsString("data-add"))));
        mvc.perform(get("/cms/ZZ/home").with(as("mia", "CONTENT_MANAGER"))).andExpect(redirectedUrl("/cms"))
                .andExpect(flash().attribute("problemKey", "cms.unknown"));
        mvc.perform(get("/cms/ID/home/items/5a0b7e0e-5d43-4a44-9d7a-0d6c8e9a0fff").with(as("mia", "CONTENT_MANAGER")))
                .andExpect(redirectedUrl("/cms/ID/home")).andExpect(flash().attribute("problemKey", "cms.itemUnknown"));
    }

    @Test
    void anItemIsAddedInTheMarketsWallClockAndEmptyFieldsAreRefusedFieldByField() throws Exception {
        mvc.perform(post("/cms/ID/home/items").param("corner", "highlights").param("language", "id")
                .param("priority", "40").param("startsAt", "2031-03-01T09:00").param("endsAt", "2031-03-04T09:00")
                .param("type", "text").param("text", "Promo Harbolnas").with(as("mia", "CONTENT_MANAGER")).with(csrf()))
                .andExpect(redirectedUrl("/cms/ID/home")).andExpect(flash().attribute("notice", "cms.done.add"));
        assertThat(WAS.calls("POST").getLast().body()).contains("\"startsAt\":\"2031-03-01T09:00\"")
                .contains("\"priority\":40").contains("{\"type\":\"text\",\"text\":\"Promo Harbolnas\"}");
        assertThat(WAS.calls("POST").getLast().operator()).isEqualTo("mia");

        WAS.calls().clear();
        mvc.perform(post("/cms/ID/home/items").param("corner", "highlights").param("language", "id")
                .param("priority", "high").param("startsAt", "2031-03-04T09:00").param("endsAt", "2031-03-01T09:00")
                .param("type", "banner").param("image", "https://evil.test/x.png").with(as("mia", "CONTENT_MANAGER"))
                .with(csrf())).andExpect(redirectedUrl("/cms/ID/home"))
                .andExpect(flash().attribute("errors", Map.of("priority", "cms.error.whole", "endsAt", "cms.error.window",
                        "image", "cms.error.path")));
        assertThat(WAS.calls("POST")).isEmpty();
        mvc.perform(get("/cms/ID/home").flashAttr("errors", Map.of("text", "cms.error.required"))
                .flashAttr("form", Map.of("type", "text", "language", "id")).with(as("mia", "CONTENT_MANAGER")))
                .andDo(snapshot("admin-cms-page-errors"))
                .andExpect(content().string(containsString("data-field=\"text\">Required.</span>")));

        WAS.answer("POST /api/admin/cms/sites/ID/pages/home/items", 400, """
                {"type":"https://onshore.dev/problems/invalid-cms-item","status":400,"title":"Invalid CMS item",
                 "detail":"The item does not fit the page: check its corner, language, window and content."}""");
        mvc.perform(post("/cms/ID/home/items").param("corner", "highlights").param("language", "id")
                .param("priority", "1").param("type", "html").param("html", "<p>x</p>")
                .with(as("mia", "CONTENT_MANAGER")).with(csrf())).andExpect(redirectedUrl("/cms/ID/home"))
                .andExpect(flash().attribute("problem",
                        "The item does not fit the page: check its corner, language, window and content."));

        mvc.perform(post("/cms/ID/home/items").param("type", "text").with(as("vera", "VIEWER")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/cms/ID/home/items/" + ITEM + "/remove").with(as("fin", "FINANCE")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void anEditCarriesTheVersionSeenAndAStaleOneShowsTheItemAsItIsNowBesideWhatWasTyped() throws Exception {
        mvc.perform(get("/cms/ID/home/items/" + ITEM).with(as("mia", "CONTENT_MANAGER")))
                .andDo(snapshot("admin-cms-item")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("name=\"version\" value=\"3\""),
                        containsString("Promo Harbolnas"), containsString("value=\"2031-03-01T09:00\""),
                        containsString("data-save"))));
        mvc.perform(get("/cms/ID/home/items/" + ITEM).with(as("vera", "VIEWER"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-save"))));

        mvc.perform(post("/cms/ID/home/items/" + ITEM).param("version", "3").param("corner", "highlights")
                .param("language", "id").param("priority", "50").param("type", "text").param("text", "Promo baru")
                .with(as("mia", "CONTENT_MANAGER")).with(csrf()))
                .andExpect(redirectedUrl("/cms/ID/home/items/5a0b7e0e-5d43-4a44-9d7a-0d6c8e9a0009"))
                .andExpect(flash().attribute("notice", "cms.done.edit"));
        assertThat(WAS.calls("PUT").getLast().uri()).endsWith("/items/" + ITEM + "?version=3");

        WAS.answer("PUT /api/admin/cms/sites/ID/pages/home/items/" + ITEM, 409, """
                {"type":"https://onshore.dev/problems/stale-cms-page","status":409,"title":"Changed by someone else",
                 "detail":"The page was changed after you opened it; nothing was saved."}""");
        var stale = mvc.perform(post("/cms/ID/home/items/" + ITEM).param("version", "2").param("corner", "highlights")
                .param("language", "id").param("priority", "50").param("type", "text").param("text", "Promo lama")
                .with(as("mia", "CONTENT_MANAGER")).with(csrf())).andExpect(redirectedUrl("/cms/ID/home/items/" + ITEM))
                .andExpect(flash().attribute("problem", "The page was changed after you opened it; nothing was saved."))
                .andReturn();
        mvc.perform(get("/cms/ID/home/items/" + ITEM).flashAttrs(stale.getFlashMap()).with(as("mia", "CONTENT_MANAGER")))
                .andExpect(content().string(allOf(containsString("data-stale"), containsString("Promo lama"),
                        containsString("name=\"version\" value=\"3\""), containsString("Promo Harbolnas"))));
    }

    @Test
    void couponsShowTheirWindowInKstAndTheMarketsTimeAndFinanceReadsWithoutChanging() throws Exception {
        mvc.perform(get("/marketing/coupons").with(as("fin", "FINANCE"))).andDo(snapshot("admin-coupons"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("JAKARTA10"), containsString("10 %"),
                        containsString("IDR\u00a0150,000"), containsString("₩5,000 off"), containsString("2026-12-01 00:00"),
                        // midnight in Jakarta is 02:00 in Seoul
                        containsString("2026-12-01 02:00"), containsString("Asia/Jakarta"),
                        containsString("Deactivated 2026-11-01 12:00"), not(containsString("data-issue")),
                        not(containsString("data-disable")))));
        mvc.perform(get("/marketing/coupons").with(as("mia", "CONTENT_MANAGER"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-issue"),
                        containsString("/marketing/coupons/JAKARTA10/disable"),
                        not(containsString("/marketing/coupons/OLD5000/disable")))));
        mvc.perform(post("/marketing/coupons").param("code", "X").with(as("fin", "FINANCE")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aCouponIsIssuedWithExactAmountsAndRefusalsShowNextToTheirFields() throws Exception {
        mvc.perform(post("/marketing/coupons").param("code", "jakarta10").param("market", "ID").param("kind", "percent")
                .param("value", "10").param("minimumOrder", "150,000.50").param("perCustomerLimit", "1")
                .param("validFrom", "2026-12-01T00:00").param("validUntil", "").with(as("mia", "CONTENT_MANAGER"))
                .with(csrf())).andExpect(redirectedUrl("/marketing/coupons"))
                .andExpect(flash().attribute("notice", "coupons.done.issue"));
        assertThat(WAS.calls("POST").getLast().body()).contains("\"minimumOrder\":150000.50")
                .contains("\"validFrom\":\"2026-12-01T00:00\"").contains("\"validUntil\":null");

        WAS.calls().clear();
        mvc.perform(post("/marketing/coupons").param("code", "").param("market", "ID").param("kind", "amount")
                .param("value", "ten").param("perCustomerLimit", "1.5").with(as("mia", "CONTENT_MANAGER")).with(csrf()))
                .andExpect(flash().attribute("errorKeys", Map.of("value", "coupons.error.number", "perCustomerLimit",
                        "coupons.error.whole", "code", "coupons.error.required")));
        assertThat(WAS.calls("POST")).isEmpty();

        WAS.answer("POST /api/admin/coupons", 400, """
                {"type":"https://onshore.dev/problems/invalid-input","status":400,"title":"Invalid input",
                 "detail":"Some fields are invalid.","errors":[{"field":"code","code":"duplicate",
                 "message":"code is already taken."},{"field":"value","code":"range","message":"value is out of range."}]}""");
        var refused = mvc.perform(post("/marketing/coupons").param("code", "JAKARTA10").param("market", "ID")
                .param("kind", "percent").param("value", "95").with(as("mia", "CONTENT_MANAGER")).with(csrf()))
                .andExpect(flash().attribute("fieldErrors", Map.of("code", "Code is already taken.", "value",
                        "Value is out of range.")))
                .andReturn();
        mvc.perform(get("/marketing/coupons").flashAttrs(refused.getFlashMap()).with(as("mia", "CONTENT_MANAGER")))
                .andDo(snapshot("admin-coupons-refused"))
                .andExpect(content().string(allOf(containsString("data-field=\"code\">Code is already taken.</span>"),
                        containsString("Some fields are invalid."), containsString("value=\"95\""))));

        mvc.perform(post("/marketing/coupons/JAKARTA10/disable").with(as("mia", "CONTENT_MANAGER")).with(csrf()))
                .andExpect(flash().attribute("notice", "coupons.done.disable"));
        assertThat(WAS.calls("POST").getLast().uri()).isEqualTo("/api/admin/coupons/JAKARTA10/disable");
        WAS.answer("POST /api/admin/coupons/NOPE1/disable", 404, """
                {"type":"https://onshore.dev/problems/coupon","status":404,"title":"Unknown coupon",
                 "detail":"No coupon has this code."}""");
        mvc.perform(post("/marketing/coupons/NOPE1/disable").with(as("mia", "CONTENT_MANAGER")).with(csrf()))
                .andExpect(flash().attribute("problem", "No coupon has this code."));
    }
}
