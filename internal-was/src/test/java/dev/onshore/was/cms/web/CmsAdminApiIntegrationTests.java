package dev.onshore.was.cms.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.was.CatalogTestSupport;
import dev.onshore.was.OperatorsRealm;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What the admin app's CMS screens need of the admin API beyond the preview: the sites, a page's items as scheduled
 * (in the market's local time, HTML sanitized), and editing an item on the page version the operator saw.
 */
class CmsAdminApiIntegrationTests extends CatalogTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String role) {
        return request.header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator", "mia")
                .header("X-Onshore-Operator-Roles", role).contentType(MediaType.APPLICATION_JSON);
    }

    private static String page() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String schedule(String page, String body) throws Exception {
        var json = mvc.perform(as(post("/api/admin/cms/sites/ID/pages/" + page + "/items"), "CONTENT_MANAGER")
                .content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(json, "$.id");
    }

    private String contents(String page) throws Exception {
        return mvc.perform(as(get("/api/admin/cms/sites/ID/pages/" + page), "VIEWER")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void theSitesListEveryMarketWithItsZoneLanguagesAndPages() throws Exception {
        mvc.perform(as(get("/api/admin/cms/sites"), "VIEWER")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.market == 'ID')].zone").value("Asia/Jakarta"))
                .andExpect(jsonPath("$[?(@.market == 'ID')].defaultLanguage").value("id"))
                .andExpect(jsonPath("$[?(@.market == 'ID')].pages[*]").value(org.hamcrest.Matchers.hasItem("home")))
                .andExpect(jsonPath("$[?(@.market == 'MY')].languages[*]")
                        .value(org.hamcrest.Matchers.contains("ms", "en", "zh")));
    }

    @Test
    void aPageListsEveryItemInTheMarketsTimeWithStoredHtmlSanitized() throws Exception {
        var page = page();
        schedule(page, """
                {"corner":"highlights","language":"id","priority":5,"startsAt":"2031-03-01T09:00",
                 "endsAt":"2031-03-02T09:00","content":{"type":"html",
                 "html":"<p onclick=\\"steal()\\">Halo<script>alert(1)</script></p>"}}""");
        schedule(page, """
                {"corner":"hero","language":"*","priority":1,"content":{"type":"text","text":"Semua"}}""");

        var json = contents(page);
        assertThat(JsonPath.<String>read(json, "$.zone")).isEqualTo("Asia/Jakarta");
        assertThat(JsonPath.<List<String>>read(json, "$.corners")).containsExactly("hero", "highlights", "products");
        assertThat(JsonPath.<List<String>>read(json, "$.items[*].corner")).containsExactly("hero", "highlights");
        // typed in Jakarta's time, shown in Jakarta's time: no shift through UTC on the way
        assertThat(JsonPath.<String>read(json, "$.items[1].startsAt")).startsWith("2031-03-01T09:00");
        assertThat(JsonPath.<String>read(json, "$.items[1].content.html")).contains("Halo")
                .doesNotContainIgnoringCase("script").doesNotContainIgnoringCase("onclick");
        mvc.perform(as(get("/api/admin/cms/sites/ID/pages/no-such-page"), "VIEWER")).andExpect(status().isNotFound());
        mvc.perform(as(get("/api/admin/cms/sites/id/pages/home"), "VIEWER")).andExpect(status().isNotFound());
    }

    @Test
    void anEditReplacesTheItemOnTheVersionSeenAndAStaleVersionChangesNothing() throws Exception {
        var page = page();
        var first = schedule(page, """
                {"corner":"highlights","language":"id","priority":5,"content":{"type":"text","text":"Lama"}}""");
        long version = ((Number) JsonPath.read(contents(page), "$.version")).longValue();

        var edited = mvc.perform(as(put("/api/admin/cms/sites/ID/pages/" + page + "/items/" + first), "CONTENT_MANAGER")
                .param("version", String.valueOf(version)).content("""
                        {"corner":"highlights","language":"en","priority":9,"startsAt":"2031-01-01T00:00",
                         "content":{"type":"text","text":"New"}}""")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        var second = JsonPath.<String>read(edited, "$.id");
        var json = contents(page);
        assertThat(JsonPath.<List<String>>read(json, "$.items[*].id")).containsExactly(second);
        assertThat(JsonPath.<List<String>>read(json, "$.items[*].content.text")).containsExactly("New");
        assertThat(((Number) JsonPath.read(json, "$.version")).longValue()).isGreaterThan(version);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'cms.item.reschedule'"
                + " and target = ? and actor = 'mia'", Integer.class, "cms:ID/" + page + "/" + first)).isOne();

        // a second operator still on the old version: refused, nothing changes
        mvc.perform(as(put("/api/admin/cms/sites/ID/pages/" + page + "/items/" + second), "CONTENT_MANAGER")
                .header("Accept-Language", "ko").param("version", String.valueOf(version)).content("""
                        {"corner":"highlights","language":"en","priority":1,"content":{"type":"text","text":"Lost"}}"""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/stale-cms-page"))
                .andExpect(jsonPath("$.title").value("다른 사람이 변경함"));
        assertThat(JsonPath.<List<String>>read(contents(page), "$.items[*].content.text")).containsExactly("New");

        // an edit into HTML is sanitized as a new item is: no script planted through the edit form
        long now = ((Number) JsonPath.read(contents(page), "$.version")).longValue();
        mvc.perform(as(put("/api/admin/cms/sites/ID/pages/" + page + "/items/" + second), "CONTENT_MANAGER")
                .param("version", String.valueOf(now)).content("""
                        {"corner":"highlights","language":"en","priority":9,"content":{"type":"html",
                         "html":"<b>Sale</b><script>alert(1)</script><a href=\\"javascript:alert(2)\\">x</a>"}}"""))
                .andExpect(status().isOk());
        var html = jdbc.queryForList("select content from cms_item i join cms_page p on p.id = i.page_id"
                + " where p.page_key = ?", String.class, page);
        assertThat(html).singleElement().asString().contains("Sale").doesNotContainIgnoringCase("script")
                .doesNotContainIgnoringCase("javascript:");
    }

    @Test
    void anEditOfAnUnknownItemOrWithoutItsCornerOrContentIsRefused() throws Exception {
        var page = page();
        var id = schedule(page, """
                {"corner":"highlights","language":"id","priority":5,"content":{"type":"text","text":"Tetap"}}""");
        long version = ((Number) JsonPath.read(contents(page), "$.version")).longValue();
        mvc.perform(as(put("/api/admin/cms/sites/ID/pages/" + page + "/items/" + UUID.randomUUID()), "CONTENT_MANAGER")
                .param("version", String.valueOf(version)).content("""
                        {"corner":"highlights","language":"id","priority":1,"content":{"type":"text","text":"x"}}"""))
                .andExpect(status().isNotFound());
        mvc.perform(as(put("/api/admin/cms/sites/ID/pages/" + page + "/items/" + id), "CONTENT_MANAGER")
                .param("version", String.valueOf(version)).content("""
                        {"corner":"sidebar","language":"id","priority":1,"content":{"type":"text","text":"x"}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/invalid-cms-item"));
        mvc.perform(as(post("/api/admin/cms/sites/ID/pages/" + page + "/items"), "CONTENT_MANAGER").content("""
                {"language":"id","priority":1}""")).andExpect(status().isBadRequest());
        mvc.perform(as(put("/api/admin/cms/sites/ID/pages/" + page + "/items/" + id), "VIEWER")
                .param("version", String.valueOf(version)).content("""
                        {"corner":"highlights","language":"id","priority":1,"content":{"type":"text","text":"x"}}"""))
                .andExpect(status().isForbidden());
        assertThat(JsonPath.<List<String>>read(contents(page), "$.items[*].content.text")).containsExactly("Tetap");
        mvc.perform(as(delete("/api/admin/cms/sites/ID/pages/" + page + "/items/" + id), "CONTENT_MANAGER"))
                .andExpect(status().isNoContent());
        assertThat(JsonPath.<List<String>>read(contents(page), "$.items[*].id")).isEmpty();
    }
}
