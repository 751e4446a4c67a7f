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
 * The category tree screen against an in-process stand-in of the internal WAS's admin API: the nested tree with
 * every language's names, what an editor sends to add, rename, move and delete, and how the WAS's refusals (a stale
 * version, a category in use, invalid fields, a fifth level) are shown in the operator's language.
 */
class CategoriesScreensIntegrationTests extends ScreenTests {

    @RegisterExtension
    static final StandIn WAS = start();

    static final String TREE = """
            [{"code":"health","parentCode":null,"depth":1,"position":1,"version":4,
              "names":{"en":"Health supplements","ko":"건강기능식품","id":"Suplemen kesehatan"},"products":0,
              "children":[
                {"code":"health.vitamins","parentCode":"health","depth":2,"position":1,"version":2,
                 "names":{"en":"Vitamins and minerals","ko":"비타민·미네랄"},"products":3,"children":[]},
                {"code":"health.herbal","parentCode":"health","depth":2,"position":2,"version":0,
                 "names":{"en":"Herbal"},"products":0,"children":[]}]}]""";

    private static StandIn start() {
        return StandIn.start("/api/admin/", call -> {
            var uri = call.uri();
            var method = call.method();
            if (uri.equals("/api/admin/categories") && method.equals("GET")) {
                return new StandIn.Answer(200, TREE);
            } else if (uri.equals("/api/admin/categories") && method.equals("POST")) {
                if (call.body().contains("Bad Slug")) {
                    return new StandIn.Answer(400, """
                            {"type":"https://onshore.dev/problems/invalid-input","status":400,"title":"Invalid input",
                             "detail":"Some fields are invalid; nothing was saved.",
                             "errors":[{"field":"slug","code":"pattern","message":"slug does not have the expected format."},
                                       {"field":"names.en","code":"required","message":"names.en is required."}]}""");
                }
                if (call.body().contains("\"health.vitamins.minerals.zinc\"")) {
                    return new StandIn.Answer(422, """
                            {"type":"https://onshore.dev/problems/category-too-deep","status":422,
                             "title":"Too many levels",
                             "detail":"Category health.vitamins.minerals.zinc is on the fourth level: the category tree has no fifth."}""");
                }
                return new StandIn.Answer(201, """
                        {"code":"health.tea","parentCode":"health","depth":2,"position":3,"version":0,
                         "names":{"en":"Tea"},"products":0,"children":[]}""");
            } else if (uri.startsWith("/api/admin/categories/health?version=3") && method.equals("PUT")) {
                return new StandIn.Answer(409, """
                        {"type":"https://onshore.dev/problems/stale-category","status":409,"title":"Changed",
                         "detail":"Category health was changed after you opened it; nothing was saved.",
                         "editedVersion":3,"currentVersion":4}""");
            } else if (uri.startsWith("/api/admin/categories/") && method.equals("PUT")) {
                return new StandIn.Answer(200, """
                        {"code":"health","parentCode":null,"depth":1,"position":1,"version":5,
                         "names":{"en":"Health"},"products":0,"children":[]}""");
            } else if (uri.startsWith("/api/admin/categories/health.herbal?version=3") && method.equals("DELETE")) {
                return new StandIn.Answer(409, """
                        {"type":"https://onshore.dev/problems/stale-category","status":409,"title":"Changed",
                         "detail":"Category health.herbal was changed after you opened it; nothing was saved.",
                         "editedVersion":3,"currentVersion":4}""");
            } else if (uri.startsWith("/api/admin/categories/health.vitamins?") && method.equals("DELETE")) {
                return new StandIn.Answer(409, """
                        {"type":"https://onshore.dev/problems/category-in-use","status":409,"title":"In use",
                         "detail":"Category health.vitamins still has 3 products.","products":3,"children":0}""");
            } else if (uri.startsWith("/api/admin/categories/") && method.equals("DELETE")) {
                return new StandIn.Answer(204, "");
            }
            return StandIn.Answer.unknown();
        });
    }

    @DynamicPropertySource
    static void standIn(DynamicPropertyRegistry registry) {
        WAS.register(registry);
    }

    @Test
    void theTreeShowsEveryCategoryNestedWithItsNamesAndAViewerIsOfferedNoChange() throws Exception {
        mvc.perform(get("/categories").header("Accept-Language", "ko").with(as("editor", "CATALOG_MANAGER")))
                .andDo(snapshot("admin-categories")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-nav=\"categories\""),
                        containsString("<strong>건강기능식품</strong>"), containsString("<code>health.vitamins</code>"),
                        containsString("lang=\"id\">Suplemen kesehatan</dd>"), containsString("상품 3개"),
                        containsString("(없음: 영어 이름이 표시됨)"),
                        containsString("action=\"/categories/health.vitamins/rename\""),
                        containsString("name=\"version\" value=\"2\""),
                        containsString("action=\"/categories/health.herbal/move\""),
                        containsString("최상위 카테고리 추가"))));

        // The last of its siblings cannot move down, the first cannot move up; the others can.
        var page = mvc.perform(get("/categories").with(as("editor", "CATALOG_MANAGER"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(moveButton(page, "health.herbal", "down")).contains("disabled");
        assertThat(moveButton(page, "health.vitamins", "down")).doesNotContain("disabled");
        assertThat(moveButton(page, "health.vitamins", "up")).contains("disabled");
        assertThat(moveButton(page, "health.herbal", "up")).doesNotContain("disabled");
        assertThat(moveButton(page, "health", "down")).contains("disabled");

        mvc.perform(get("/categories").with(as("auditor", "VIEWER"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Vitamins and minerals"),
                        containsString("3 products"), not(containsString("/rename\"")),
                        not(containsString("action=\"/categories\"")))));
        WAS.calls().clear();
        mvc.perform(post("/categories/health/delete").with(as("auditor", "VIEWER")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/categories").with(as("clerk", "ORDER_MANAGER"))).andExpect(status().isForbidden());
        assertThat(WAS.calls()).isEmpty();
    }

    /** The tag of a category's move button ({@code up} or {@code down}). */
    private static String moveButton(String page, String code, String direction) {
        var form = java.util.regex.Pattern.compile("action=\"/categories/" + java.util.regex.Pattern.quote(code)
                + "/move\"(.*?)</form>", java.util.regex.Pattern.DOTALL).matcher(page);
        assertThat(form.find()).as("the move form of %s", code).isTrue();
        var button = java.util.regex.Pattern.compile("<button[^>]*value=\"" + direction + "\"[^>]*>")
                .matcher(form.group(1));
        assertThat(button.find()).as("the %s button of %s", direction, code).isTrue();
        return button.group();
    }

    @Test
    void anEditorAddsASubCategoryWithItsNamesInEveryLanguageTyped() throws Exception {
        mvc.perform(post("/categories").param("parent", "health").param("slug", " tea ").param("name.en", "Tea")
                        .param("name.ko", "차").param("name.th", "").with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andExpect(redirectedUrl("/categories")).andExpect(flash().attribute("notice", "added"));
        assertThat(WAS.calls("POST")).singleElement().satisfies(call -> {
            assertThat(call.body()).contains("\"parent\":\"health\"", "\"slug\":\"tea\"", "\"en\":\"Tea\"",
                    "\"ko\":\"차\"");
            assertThat(call.operator()).isEqualTo("editor");
        });
    }

    @Test
    void aBadSlugAnEmptyNameOrAFifthLevelIsShownAndWhatWasTypedIsKept() throws Exception {
        mvc.perform(post("/categories").param("parent", "health").param("slug", "Bad Slug!").param("name.en", "")
                        .param("name.ko", "나쁜 슬러그").header("Accept-Language", "en")
                        .with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                        containsString("Some fields are invalid; nothing was saved."),
                        containsString("Slug does not have the expected format."),
                        containsString("Name (en) is required."),
                        containsString("value=\"Bad Slug!\""), containsString("value=\"나쁜 슬러그\""))));

        mvc.perform(post("/categories").param("parent", "health.vitamins.minerals.zinc").param("slug", "deeper")
                        .param("name.en", "Deeper").with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("the category tree has no fifth")));
    }

    @Test
    void aRenameCarriesTheVersionAndAStaleOneIsExplainedInTheOperatorsLanguage() throws Exception {
        mvc.perform(post("/categories/health/rename").param("version", "4").param("name.en", "Health")
                        .param("name.ko", "건강").with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andExpect(redirectedUrl("/categories")).andExpect(flash().attribute("notice", "saved"));
        assertThat(WAS.calls("PUT")).singleElement().satisfies(call -> {
            assertThat(call.uri()).isEqualTo("/api/admin/categories/health?version=4");
            assertThat(call.body()).contains("\"en\":\"Health\"", "\"ko\":\"건강\"");
        });

        mvc.perform(post("/categories/health/rename").param("version", "3").param("name.en", "Old page")
                        .header("Accept-Language", "ko").with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andDo(snapshot("admin-categories-stale")).andExpect(status().isConflict())
                .andExpect(content().string(allOf(
                        containsString("이 페이지를 연 뒤 다른 사람이 카테고리 health을(를) 변경하여 아무것도 저장되지 않았습니다."),
                        containsString("value=\"Old page\""), containsString("name=\"version\" value=\"4\""))));
        mvc.perform(post("/categories/health/rename").param("version", "3").param("name.en", "Old page")
                        .header("Accept-Language", "en").with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Someone changed category health after you opened")));
    }

    @Test
    void moveUpAndDownSendTheNeighbouringPosition() throws Exception {
        mvc.perform(post("/categories/health.herbal/move").param("version", "0").param("position", "2")
                        .param("direction", "up").with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andExpect(redirectedUrl("/categories")).andExpect(flash().attribute("notice", "moved"));
        mvc.perform(post("/categories/health.vitamins/move").param("version", "2").param("position", "1")
                        .param("direction", "down").with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andExpect(redirectedUrl("/categories"));
        assertThat(WAS.calls("PUT")).satisfiesExactly(
                call -> {
                    assertThat(call.uri()).isEqualTo("/api/admin/categories/health.herbal?version=0");
                    assertThat(call.body()).contains("\"position\":1").contains("\"names\":null");
                },
                call -> {
                    assertThat(call.uri()).isEqualTo("/api/admin/categories/health.vitamins?version=2");
                    assertThat(call.body()).contains("\"position\":2");
                });
    }

    @Test
    void aCategoryInUseIsNotDeletedAndTheOperatorIsToldWhy() throws Exception {
        mvc.perform(post("/categories/health.vitamins/delete").param("version", "2").header("Accept-Language", "ko")
                        .with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andDo(snapshot("admin-categories-in-use")).andExpect(status().isConflict())
                .andExpect(content().string(containsString(
                        "카테고리 health.vitamins을(를) 삭제하지 않았습니다. 상품 3개와 하위 카테고리 0개가 아직 속해 있습니다.")));
        mvc.perform(post("/categories/health.herbal/delete").param("version", "0")
                        .with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andExpect(redirectedUrl("/categories")).andExpect(flash().attribute("notice", "deleted"));
        assertThat(WAS.calls("DELETE")).extracting(StandIn.Call::uri).containsExactly(
                "/api/admin/categories/health.vitamins?version=2", "/api/admin/categories/health.herbal?version=0");
    }

    @Test
    void theDeleteButtonSendsTheVersionShownAndAStaleDeletionIsRefusedLikeAStaleRename() throws Exception {
        var page = mvc.perform(get("/categories").with(as("editor", "CATALOG_MANAGER"))).andReturn().getResponse()
                .getContentAsString();
        var form = page.substring(page.indexOf("action=\"/categories/health.herbal/delete\""));
        assertThat(form.substring(0, form.indexOf("</form>"))).contains("name=\"version\" value=\"0\"");
        mvc.perform(post("/categories/health.herbal/delete").param("version", "3")
                        .with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Someone changed category health.herbal after you opened")));
        assertThat(WAS.calls("DELETE")).extracting(StandIn.Call::uri)
                .contains("/api/admin/categories/health.herbal?version=3");
    }
}
