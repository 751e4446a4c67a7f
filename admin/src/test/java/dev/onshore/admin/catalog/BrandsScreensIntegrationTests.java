package dev.onshore.admin.catalog;

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
import dev.onshore.admin.StandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The brands screen against an in-process stand-in of the internal WAS's admin API: the brands with their counts and
 * links to their products, what an editor sends to rename one, how a merge and the WAS's refusals are shown in the
 * operator's language, and that a viewer is offered no change and refused one.
 */
class BrandsScreensIntegrationTests extends ScreenTests {

    @RegisterExtension
    static final StandIn WAS = start();

    static final String BRANDS = """
            [{"name":"Blue Sea Lab","products":2,"published":2,"byStatus":{"PUBLISHED":2}},
             {"name":"Hanbit Health","products":4,"published":3,"byStatus":{"PUBLISHED":3,"DRAFT":1}}]""";

    private static StandIn start() {
        return StandIn.start("/api/admin/", call -> {
            var uri = call.uri();
            var method = call.method();
            if (uri.equals("/api/admin/brands") && method.equals("GET")) {
                return new StandIn.Answer(200, BRANDS);
            } else if (uri.startsWith("/api/admin/brands/") && method.equals("PUT")) {
                if (call.body().contains("\"name\":\"\"")) {
                    // As the WAS answers, in the language the admin passed on (its messages_ko / messages).
                    var korean = call.language() != null && call.language().startsWith("ko");
                    return new StandIn.Answer(400, """
                            {"type":"https://onshore.dev/problems/invalid-input","status":400,"title":"Invalid input",
                             "detail":"%s","errors":[{"field":"name","code":"required","message":"%s"}]}""".formatted(
                            korean ? "요청에 잘못된 항목이 있어 아무것도 저장되지 않았습니다." : "The request has invalid fields; nothing was saved.",
                            korean ? "name은(는) 필수입니다." : "name is required."));
                }
                if (call.body().contains("Blue Sea Lab")) {
                    return new StandIn.Answer(200, """
                            {"from":"Hanbit Health","to":"Blue Sea Lab","products":4,"merged":true}""");
                }
                return new StandIn.Answer(200, """
                        {"from":"Hanbit Health","to":"Hanbit Healthcare","products":4,"merged":false}""");
            }
            return new StandIn.Answer(404, "{\"status\":404,\"detail\":\"unknown\"}");
        });
    }

    @DynamicPropertySource
    static void standIn(DynamicPropertyRegistry registry) {
        WAS.register(registry);
    }

    @Test
    void everyBrandIsListedWithItsCountsAndALinkToItsProductsInKoreanAndEnglish() throws Exception {
        mvc.perform(get("/brands").header("Accept-Language", "ko").with(as("editor", "CATALOG_MANAGER")))
                .andDo(snapshot("admin-brands")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-nav=\"brands\""),
                        containsString("<h1>브랜드</h1>"), containsString("게시됨"),
                        containsString("href=\"/products?brand=Hanbit%20Health\""),
                        containsString("<td class=\"number\">4</td>"), containsString("<td class=\"number\">3</td>"),
                        containsString("action=\"/brands/rename\""),
                        containsString("name=\"brand\" value=\"Blue Sea Lab\""))));
        mvc.perform(get("/brands").header("Accept-Language", "en").with(as("editor", "CATALOG_MANAGER")))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("<h1>Brands</h1>"),
                        containsString("Published"), containsString(">Hanbit Health</a>"))));
    }

    @Test
    void aRenameSendsTheNewNameForTheBrandAndAMergeIsSaidToBeOne() throws Exception {
        mvc.perform(post("/brands/rename").param("brand", "Hanbit Health").param("name", "Hanbit Healthcare")
                        .with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andExpect(redirectedUrl("/brands")).andExpect(flash().attribute("notice", "renamed"));
        assertThat(WAS.calls("PUT")).singleElement().satisfies(call -> {
            assertThat(call.uri()).isEqualTo("/api/admin/brands/Hanbit%20Health");
            assertThat(call.body()).isEqualTo("{\"name\":\"Hanbit Healthcare\"}");
            assertThat(call.operator()).isEqualTo("editor");
        });

        mvc.perform(post("/brands/rename").param("brand", "Hanbit Health").param("name", "Blue Sea Lab")
                        .with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andExpect(redirectedUrl("/brands")).andExpect(flash().attribute("notice", "merged"));
        mvc.perform(get("/brands").header("Accept-Language", "en").with(as("editor", "CATALOG_MANAGER"))
                        .flashAttr("notice", "merged")
                        .flashAttr("noticeArguments", java.util.List.of("Hanbit Health", "Blue Sea Lab", 4)))
                .andExpect(content().string(containsString(
                        "Brand Hanbit Health merged into Blue Sea Lab: its 4 products now carry Blue Sea Lab.")));
    }

    @Test
    void aRefusalIsShownInTheOperatorsLanguageWithTheNameTypedKept() throws Exception {
        mvc.perform(post("/brands/rename").param("brand", "Hanbit Health").param("name", "")
                        .header("Accept-Language", "ko").with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andDo(snapshot("admin-brands-refused")).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("요청에 잘못된 항목이 있어 아무것도 저장되지 않았습니다."),
                        containsString("이름은(는) 필수입니다."),
                        containsString("<h1>브랜드</h1>"))));
        mvc.perform(post("/brands/rename").param("brand", "Hanbit Health").param("name", "")
                        .header("Accept-Language", "en").with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("The request has invalid fields; nothing was saved."),
                        containsString("Name is required."))));
    }

    @Test
    void aViewerSeesTheBrandsButNoFormAndIsRefusedARename() throws Exception {
        mvc.perform(get("/brands").with(as("auditor", "VIEWER"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">Blue Sea Lab</a>"),
                        not(containsString("action=\"/brands/rename\"")))));
        WAS.calls().clear();
        mvc.perform(post("/brands/rename").param("brand", "Hanbit Health").param("name", "Other")
                .with(as("auditor", "VIEWER")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/brands").with(as("clerk", "ORDER_MANAGER"))).andExpect(status().isForbidden());
        assertThat(WAS.calls()).isEmpty();
    }
}
