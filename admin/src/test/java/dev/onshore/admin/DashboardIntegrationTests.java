package dev.onshore.admin;

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

import dev.onshore.admin.StandIn.Call;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The catalog page and its workflow actions against an in-process stand-in of the internal WAS's admin API and of
 * the operators realm's token endpoint (client credentials): what the page offers per status and operator, what it
 * sends, and how it shows a refusal. The operator's OIDC session is given by Spring Security's test support.
 */
class DashboardIntegrationTests extends ScreenTests {

    @RegisterExtension
    static final StandIn WAS = start();

    private static final String PRODUCTS = """
            [{"sku":"HS-DRAFT","brand":"B","name":"Draft one","status":"DRAFT","price":1000.0000,"currency":"KRW"},
             {"sku":"HS-MINE","brand":"B","name":"Mine","status":"PENDING_APPROVAL","price":1000,"currency":"KRW",
              "submittedBy":"editor"},
             {"sku":"HS-THEIRS","brand":"B","name":"Theirs","status":"PENDING_APPROVAL","price":1000,
              "currency":"KRW","submittedBy":"someone-else"},
             {"sku":"HS-APPROVED","brand":"B","name":"Approved","status":"APPROVED","price":1000,"currency":"KRW",
              "submittedBy":"someone-else","approvedBy":"editor"},
             {"sku":"HS-LIVE","brand":"B","name":"Live","status":"PUBLISHED","price":1000,"currency":"KRW"}]
            """;

    private static StandIn start() {
        return StandIn.start("/api/admin/products", call -> switch (call.path()) {
            case "/api/admin/products" -> StandIn.Answer.json(PRODUCTS);
            case "/api/admin/products/HS-MINE/approval" -> new StandIn.Answer(403, "{\"type\":\"https://onshore.dev/"
                    + "problems/self-approval\",\"status\":403,\"title\":\"Four eyes required\",\"detail\":\"editor "
                    + "submitted HS-MINE and cannot approve it; another operator must.\"}");
            default -> StandIn.Answer.json("{}");
        });
    }

    @DynamicPropertySource
    static void standIn(DynamicPropertyRegistry registry) {
        WAS.register(registry);
    }

    private static RequestPostProcessor editor() {
        return as("editor", "CATALOG_MANAGER");
    }

    @Test
    void theCatalogOffersTheActionsThatFitEachStatusAndTheOperator() throws Exception {
        mvc.perform(get("/").with(editor())).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("action=\"/products/HS-DRAFT/submit\""),
                containsString("action=\"/products/HS-THEIRS/approve\""),
                containsString("action=\"/products/HS-THEIRS/reject\""),
                not(containsString("action=\"/products/HS-MINE/approve\"")),
                containsString("action=\"/products/HS-MINE/reject\""),
                containsString("Awaiting another operator"),
                containsString("action=\"/products/HS-APPROVED/publish\""),
                containsString("approved by editor"),
                containsString("action=\"/products/HS-LIVE/suspend\""),
                not(containsString("action=\"/products/HS-LIVE/publish\"")))));
        assertThat(WAS.calls()).singleElement().satisfies(call -> {
            assertThat(call.authorization()).isEqualTo("Bearer stand-in-token");
            assertThat(call.operator()).isEqualTo("editor");
        });
    }

    @Test
    void anActionCallsTheInternalWasWithTheServiceTokenAndTheOperator() throws Exception {
        mvc.perform(post("/products/HS-THEIRS/approve").with(editor()).with(csrf()))
                .andExpect(redirectedUrl("/")).andExpect(flash().attribute("notice", "HS-THEIRS: approve done"));
        mvc.perform(post("/products/HS-THEIRS/reject").param("reason", "Label photo is blurred").with(editor())
                .with(csrf())).andExpect(redirectedUrl("/"));
        mvc.perform(post("/products/HS-LIVE/suspend").with(editor()).with(csrf())).andExpect(redirectedUrl("/"));

        assertThat(WAS.calls()).extracting(Call::method, Call::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("PUT", "/api/admin/products/HS-THEIRS/approval"),
                org.assertj.core.groups.Tuple.tuple("POST", "/api/admin/products/HS-THEIRS/rejection"),
                org.assertj.core.groups.Tuple.tuple("DELETE", "/api/admin/products/HS-LIVE/publication"));
        assertThat(WAS.calls()).allSatisfy(call -> {
            assertThat(call.authorization()).isEqualTo("Bearer stand-in-token");
            assertThat(call.operator()).isEqualTo("editor");
            assertThat(call.roles()).as("the WAS checks the operator's roles again").isEqualTo("CATALOG_MANAGER");
        });
        assertThat(WAS.calls().get(1).body()).contains("\"reason\":\"Label photo is blurred\"");
    }

    @Test
    void aRefusalShowsTheInternalWassReasonInsteadOfAnErrorPage() throws Exception {
        mvc.perform(post("/products/HS-MINE/approve").with(editor()).with(csrf())).andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("problem",
                        "HS-MINE: editor submitted HS-MINE and cannot approve it; another operator must."));
        mvc.perform(post("/products/HS-LIVE/explode").with(editor()).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/products/HS-LIVE/suspend").with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/oauth2/authorization/keycloak"));
        assertThat(WAS.calls()).extracting(Call::path).containsExactly("/api/admin/products/HS-MINE/approval");
    }
}
