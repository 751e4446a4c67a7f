package dev.onshore.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shell around every screen (navigation by role, language, logout), the localized error page and the audit
 * screens, against an in-process stand-in of the internal WAS's audit API.
 */
class AdminScreensIntegrationTests extends ScreenTests {

    private static final String DASHBOARD = """
            {"sales":[{"market":"ID","currency":"IDR","orders":12,"paidOrders":9,"revenue":2925000.0000,
            "baseCurrency":"KRW","revenueInBase":252000.0000},{"market":"SG","currency":"SGD","orders":4,
            "paidOrders":4,"revenue":163.6000,"baseCurrency":"KRW","revenueInBase":164800.0000}],
            "lowStockThreshold":10,"lowStock":[{"sku":"HS-PROPOLIS-SPRAY","available":0},
            {"sku":"HS-VITC-1000","available":7}],
            "hotDeals":[{"sku":"HS-GINSENG-GOLD","units":500,"unitsLeft":132,"price":39000,"currency":"KRW",
            "startsAt":"2020-01-01T00:00:00Z","endsAt":"2999-01-01T00:00:00Z","admissionsPerMinute":120,
            "status":"SCHEDULED"}],"batchJobs":[{"job":"UnpaidOrders.cancelUnpaid","node":"was-1",
            "startedAt":"2026-06-17T15:00:01Z","duration":"PT0.2S",
            "error":"org.springframework.dao.DataAccessResourceFailureException: connection refused"}]}""";

    @RegisterExtension
    static final StandIn WAS = StandIn.start("/api/admin/", call -> StandIn.Answer.json(switch (call.path()) {
        case "/api/admin/audit" -> """
                {"items":[{"id":7,"occurredAt":"2026-03-01T00:30:00Z","actor":"kim.fin",
                "actorRoles":["FINANCE"],"address":"10.20.0.7","action":"rate.override",
                "target":"rate:KRW/IDR","before":"{\\"rate\\":11.5}","after":"{\\"rate\\":11.6}"}],
                "page":0,"size":50,"total":51}""";
        case "/api/admin/audit/logins" -> """
                {"items":[{"id":3,"occurredAt":"2026-03-01T23:59:00Z","username":"lee.ops",
                "succeeded":false,"address":"10.20.0.9","reason":"invalid_grant"}],
                "page":0,"size":50,"total":1}""";
        case "/api/admin/dashboard" -> DASHBOARD;
        default -> "[]";
    }));

    /** The queries the audit log and the dashboard asked the internal WAS with (null: none), oldest first. */
    private static List<@Nullable String> queries() {
        return WAS.calls().stream()
                .filter(call -> call.path().equals("/api/admin/audit") || call.path().equals("/api/admin/dashboard"))
                .map(call -> call.uri().contains("?") ? call.uri().substring(call.uri().indexOf('?') + 1) : null)
                .toList();
    }

    @DynamicPropertySource
    static void standIn(DynamicPropertyRegistry registry) {
        WAS.register(registry);
    }

    @Autowired
    ClientRegistrationRepository registrations;

    private static OidcLoginRequestPostProcessor as(String role) {
        return as("park." + role.toLowerCase(), role);
    }

    @Test
    void theNavigationShowsOnlyWhatTheRoleMayUseWithTheOperatorAndALogoutForm() throws Exception {
        mvc.perform(get("/mailbox").with(as("ADMIN")).header("Accept-Language", "en")).andExpect(status().isNotFound());
        mvc.perform(get("/").with(as("VIEWER")).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("data-nav=\"products\""), containsString("data-nav=\"rates\""),
                        not(containsString("data-nav=\"audit\"")), not(containsString("data-nav=\"customers\"")),
                        containsString("Signed in as park.viewer"), containsString("action=\"/logout\""),
                        containsString("name=\"_csrf\""))));
    }

    @Test
    void theLanguageComesFromAcceptLanguageUntilTheOperatorChoosesAndStaysChosen() throws Exception {
        mvc.perform(get("/").with(as("ADMIN")).header("Accept-Language", "ko-KR,ko;q=0.9"))
                .andExpect(content().string(allOf(containsString("감사 로그"), containsString("lang=\"ko\""))));
        var chosen = mvc.perform(get("/").param("lang", "en").with(as("ADMIN")).header("Accept-Language", "ko"))
                .andExpect(content().string(containsString("Audit log"))).andReturn().getResponse()
                .getCookie("onshore_admin_locale");
        assertThat(chosen).isNotNull();
        mvc.perform(get("/").with(as("ADMIN")).cookie(chosen).header("Accept-Language", "ko"))
                .andExpect(content().string(containsString("Audit log")));
        mvc.perform(get("/").param("lang", "xx").with(as("ADMIN")).header("Accept-Language", "fr"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Audit log")));
    }

    @Test
    void logoutIsAPostWithTheCsrfTokenAndEndsTheKeycloakSessionToo() throws Exception {
        mvc.perform(post("/logout").with(as("ADMIN"))).andExpect(status().isForbidden());
        var keycloak = registrations.findByRegistrationId("keycloak");
        var location = mvc.perform(post("/logout").with(as("ADMIN").clientRegistration(keycloak)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).contains("/realms/operators/protocol/openid-connect/logout");
    }

    @Test
    void theErrorPageIsLocalizedAndLeadsBackInsteadOfWhitelabel() throws Exception {
        mvc.perform(get("/error").accept(MediaType.TEXT_HTML).with(as("ADMIN")).header("Accept-Language", "ko")
                        .requestAttr("jakarta.servlet.error.status_code", 404)
                        .requestAttr("jakarta.servlet.error.request_uri", "/nowhere"))
                .andExpect(status().isNotFound()).andExpect(content().string(allOf(
                        containsString("페이지를 찾을 수 없습니다"), containsString("href=\"/\""),
                        containsString("대시보드로 돌아가기"), not(containsString("Whitelabel")))));
        mvc.perform(get("/error").accept(MediaType.TEXT_HTML).header("Accept-Language", "en")
                        .requestAttr("jakarta.servlet.error.status_code", 403))
                .andExpect(status().isForbidden()).andExpect(content().string(allOf(
                        containsString("Not allowed"), containsString("Back to the dashboard"))));
        mvc.perform(get("/error").accept(MediaType.TEXT_HTML).header("Accept-Language", "en")
                        .requestAttr("jakarta.servlet.error.status_code", 500)
                        .requestAttr("jakarta.servlet.error.exception", new IllegalStateException("secret detail")))
                .andExpect(content().string(allOf(containsString("Something went wrong"),
                        not(containsString("secret detail")))));
    }

    @Test
    void theAuditLogFiltersByDaysInSeoulAndShowsTimesInKstWithBeforeAndAfter() throws Exception {
        mvc.perform(get("/audit").with(as("ADMIN")).header("Accept-Language", "en").param("operator", "kim.fin")
                        .param("action", "rate.").param("from", "2026-03-01").param("to", "2026-03-01"))
                .andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("2026-03-01 09:30:00"), containsString("kim.fin"),
                        containsString("10.20.0.7"), containsString("rate:KRW/IDR"),
                        containsString("{&quot;rate&quot;:11.5}"), containsString("{&quot;rate&quot;:11.6}"),
                        containsString("51 entries"), containsString("page=1"))));
        assertThat(queries()).singleElement().satisfies(query -> assertThat(query)
                .contains("actor=kim.fin").contains("action=rate.")
                .contains("from=2026-02-28T15:00:00Z").contains("to=2026-03-01T15:00:00Z"));
    }

    @Test
    void anotherZoneChosenByTheOperatorShiftsTheTimesShown() throws Exception {
        mvc.perform(get("/audit").param("tz", "UTC").with(as("ADMIN")).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("2026-03-01 00:30:00")));
    }

    @Test
    void badDatesAreShownNextToTheirFieldAndNothingIsAsked() throws Exception {
        mvc.perform(get("/audit").with(as("ADMIN")).header("Accept-Language", "ko").param("from", "2026-13-45")
                        .param("to", "yesterday"))
                .andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("날짜를 YYYY-MM-DD 형식으로 입력해 주세요."), containsString("aria-invalid=\"true\""))));
        mvc.perform(get("/audit").with(as("ADMIN")).header("Accept-Language", "en").param("from", "2026-03-02")
                        .param("to", "2026-03-01"))
                .andExpect(content().string(containsString("The end date must not be before the start date.")));
        assertThat(queries()).isEmpty();
    }

    @Test
    void theDashboardShowsTodaysSalesPerMarketAndCurrencyStockAlertsAndTheLiveHotDeal() throws Exception {
        var page = mvc.perform(get("/").with(as("VIEWER")).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("data-market=\"ID\"").contains("2,925,000").contains("₩252,000")
                .contains("163.60").contains("HS-PROPOLIS-SPRAY: 0 left")
                .contains("Live: waiting room admits 120 per minute").contains("132 of 500 left at ₩39,000")
                .contains("data-job=\"UnpaidOrders.cancelUnpaid\"").contains("Unpaid orders cleanup")
                .contains("2026-06-18 00:00").contains("DataAccessResourceFailureException: connection refused")
                .contains("href=\"/jobs\"").doesNotContain("No failed run recorded.");
        assertThat(queries()).singleElement().satisfies(query -> assertThat(
                java.net.URLDecoder.decode(query, StandardCharsets.UTF_8)).matches(
                "from=\\d{4}-\\d{2}-\\d{2}T15:00:00Z&to=\\d{4}-\\d{2}-\\d{2}T15:00:00Z"));
        assertThat(mvc.perform(get("/").with(as("CATALOG_MANAGER")).header("Accept-Language", "en")).andReturn()
                .getResponse().getContentAsString()).as("no link to a screen the role may not read")
                .contains("Unpaid orders cleanup").doesNotContain("href=\"/jobs\"");
        writeScreen("dashboard", page);
        writeScreen("audit", mvc.perform(get("/audit").with(as("ADMIN")).header("Accept-Language", "ko"))
                .andReturn().getResponse().getContentAsString());
        writeScreen("logins", mvc.perform(get("/logins").with(as("ADMIN")).header("Accept-Language", "en"))
                .andReturn().getResponse().getContentAsString());
        writeScreen("error-403", mvc.perform(get("/error").accept(MediaType.TEXT_HTML).with(as("VIEWER")).header("Accept-Language", "ko")
                .requestAttr("jakarta.servlet.error.status_code", 403)).andReturn().getResponse().getContentAsString());
    }

    /** The rendered page for scripts/admin-screens.sh, which photographs it in Chromium for docs/screens. */
    private static void writeScreen(String name, String html) throws IOException {
        var folder = java.nio.file.Path.of("target", "screens");
        java.nio.file.Files.createDirectories(folder);
        java.nio.file.Files.writeString(folder.resolve(name + ".html"), html);
    }

    @Test
    void theLoginHistoryShowsFailuresWithTheirAddress() throws Exception {
        mvc.perform(get("/logins").with(as("ADMIN")).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("lee.ops"),
                        containsString("2026-03-02 08:59:00"), containsString("10.20.0.9"),
                        containsString("Failed (invalid_grant)"))));
        mvc.perform(get("/logins").with(as("VIEWER"))).andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(as("FINANCE"))).andExpect(status().isForbidden());
        mvc.perform(get("/").with(oidcLogin())).andExpect(status().isForbidden());
    }
}
