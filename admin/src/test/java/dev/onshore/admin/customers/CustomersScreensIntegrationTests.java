package dev.onshore.admin.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpExchange;
import dev.onshore.admin.StandIn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultHandler;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The customers screens against an in-process stand-in of the internal WAS's admin API: the search sends what the
 * operator typed, lists and pages stay masked until a reveal (which only the order desk may ask for, and which is
 * never cached), orders link to their page, and the blacklist sends the version seen and shows a stale refusal.
 */
@SpringBootTest(properties = {"onshore.admin.login-client-secret=test-only",
        "onshore.admin.service-client-secret=test-only"})
class CustomersScreensIntegrationTests {

    record Call(String method, String uri, String operator, String body) {
    }

    private static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    private static final Map<String, Map.Entry<Integer, String>> ANSWERS = new ConcurrentHashMap<>();
    private static final StandIn SERVER = StandIn.start("/api/admin/", exchange -> {
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        CALLS.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("X-Onshore-Operator"), body));
        var answer = ANSWERS.get(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
        if (answer == null) {
            respond(exchange, 404, """
                    {"type":"https://onshore.dev/problems/customer-not-found","status":404,"title":"Unknown customer"}""");
        } else {
            respond(exchange, answer.getKey(), answer.getValue());
        }
    });

    static final String SUBJECT = "5f0c1c52-6f7e-4f0e-9a55-0d1c2b3a4e5f";

    static final String PAGE = """
            {"customers":[
              {"subject":"5f0c1c52-6f7e-4f0e-9a55-0d1c2b3a4e5f","email":"k***@example.com","market":"KR",
               "createdAt":"2025-01-10T01:00:00Z","lastLoginAt":"2026-06-17T15:30:00Z",
               "lastActiveAt":"2026-06-17T15:30:00Z","dormant":false,"blocked":true},
              {"subject":"0a0b0c0d-0000-4000-8000-000000000002","email":"a***@example.co.id","market":"ID",
               "createdAt":"2024-03-01T01:00:00Z","lastLoginAt":"2024-03-02T01:00:00Z",
               "lastActiveAt":"2024-03-02T01:00:00Z","dormant":true,"blocked":false}],
             "page":0,"size":20,"total":2}""";

    static final String DETAIL = """
            {"summary":{"subject":"5f0c1c52-6f7e-4f0e-9a55-0d1c2b3a4e5f","email":"k***@example.com","market":"KR",
               "createdAt":"2025-01-10T01:00:00Z","lastLoginAt":"2026-06-17T15:30:00Z",
               "lastActiveAt":"2026-06-17T15:30:00Z","dormant":false,"blocked":false},
             "name":"김**","phone":"********78","locale":"ko-KR","blockReason":null,"blockChangedBy":null,
             "blockChangedAt":null,"version":3,
             "orders":[{"number":"ON260617-AAAA1111","status":"PAID","total":{"amount":39000.0000,"currency":"KRW"},
               "placedAt":"2026-06-17T15:30:00Z"}]}""";

    static final String REVEALED = """
            {"subject":"5f0c1c52-6f7e-4f0e-9a55-0d1c2b3a4e5f","email":"kim.minji@example.com","name":"김민지",
             "phone":"+82 10 1234 5678"}""";

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        StandIn.respond(exchange, status, status >= 400 ? "application/problem+json" : "application/json", body);
    }

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        SERVER.register(registry);
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @Autowired
    WebApplicationContext context;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        CALLS.clear();
        ANSWERS.clear();
        ANSWERS.put("GET /api/admin/customers", Map.entry(200, PAGE));
        ANSWERS.put("GET /api/admin/customers/" + SUBJECT, Map.entry(200, DETAIL));
        ANSWERS.put("POST /api/admin/customers/" + SUBJECT + "/reveal", Map.entry(200, REVEALED));
        ANSWERS.put("PUT /api/admin/customers/" + SUBJECT + "/blacklist", Map.entry(200, DETAIL));
    }

    /** Keeps the rendered page under target/screens for the screenshots in docs/screens (see the orders' test). */
    private static ResultHandler snapshot(String name) {
        return result -> {
            var html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            var resources = Path.of("src/main/resources/static").toAbsolutePath().toUri().toString();
            html = html.replace("href=\"/css/", "href=\"" + resources + "css/")
                    .replace("src=\"/js/", "src=\"" + resources + "js/");
            var directory = Files.createDirectories(Path.of("target/screens"));
            Files.writeString(directory.resolve(name + ".html"), html, StandardCharsets.UTF_8);
        };
    }

    private static RequestPostProcessor as(String name, String... roles) {
        return oidcLogin().idToken(token -> token.claim("preferred_username", name))
                .authorities(Arrays.stream(roles).map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList());
    }

    @Test
    void theSearchSendsTheExactAddressAndListsCustomersMaskedWithTheirStanding() throws Exception {
        mvc.perform(get("/customers").param("email", " Kim.Minji@Example.com ").param("ignored", "x")
                .param("lang", "ko").with(as("kim", "ORDER_MANAGER"))).andDo(snapshot("admin-customers"))
                .andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("href=\"/customers/" + SUBJECT + "\""), containsString("k***@example.com"),
                        containsString("data-blocked"), containsString("data-dormant"),
                        containsString("2026-06-18 00:30"), containsString("고객 2명"))));
        assertThat(CALLS).singleElement().satisfies(call -> {
            assertThat(call.uri()).startsWith("/api/admin/customers?").contains("email=Kim.Minji@Example.com")
                    .contains("size=20").doesNotContain("ignored");
            assertThat(call.operator()).isEqualTo("kim");
        });

        ANSWERS.put("GET /api/admin/customers", Map.entry(400, """
                {"type":"https://onshore.dev/problems/invalid-input","status":400,"title":"Invalid input",
                 "errors":[{"field":"email","code":"pattern","message":"email does not have the required format."}]}"""));
        mvc.perform(get("/customers").param("email", "nope").with(as("kim", "ORDER_MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("email does not have the required format.")));
    }

    @Test
    void aCustomersPageIsMaskedWithOrdersLinkedAndOnlyTheOrderDeskRevealsUncached() throws Exception {
        mvc.perform(get("/customers/" + SUBJECT).param("lang", "en").with(as("kim", "ORDER_MANAGER")))
                .andDo(snapshot("admin-customer-detail")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("k***@example.com"), containsString("김**"),
                        containsString("href=\"/orders/ON260617-AAAA1111\""), containsString("₩39,000"),
                        containsString("data-reveal"), containsString("name=\"version\" value=\"3\""),
                        not(containsString("kim.minji@example.com")))));
        assertThat(CALLS).noneMatch(call -> call.uri().endsWith("/reveal"));

        mvc.perform(post("/customers/" + SUBJECT + "/reveal").with(as("kim", "ORDER_MANAGER")).with(csrf()))
                .andExpect(status().isOk()).andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(allOf(containsString("kim.minji@example.com"),
                        containsString("김민지"), containsString("+82 10 1234 5678"),
                        containsString("data-revealed"))));
        assertThat(CALLS).filteredOn(call -> call.uri().endsWith("/reveal")).singleElement()
                .satisfies(call -> assertThat(call.method()).isEqualTo("POST"));

        CALLS.clear();
        mvc.perform(get("/customers/" + SUBJECT).with(as("vera", "VIEWER"))).andExpect(status().isForbidden());
        mvc.perform(post("/customers/" + SUBJECT + "/reveal").with(as("vera", "VIEWER")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/customers/" + SUBJECT + "/reveal").with(as("fin", "FINANCE")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/customers/" + SUBJECT + "/reveal").with(as("kim", "ORDER_MANAGER")))
                .andExpect(status().isForbidden()); // no CSRF token
        assertThat(CALLS).isEmpty();
        mvc.perform(get("/customers/nobody").with(as("kim", "ORDER_MANAGER"))).andExpect(status().isNotFound());
    }

    @Test
    void theBlacklistSendsTheReasonAndTheVersionSeenAndAStaleToggleSaysSo() throws Exception {
        mvc.perform(post("/customers/" + SUBJECT + "/blacklist").param("blocked", "true")
                .param("reason", "chargeback fraud").param("version", "3").with(as("kim", "ORDER_MANAGER"))
                .with(csrf())).andExpect(redirectedUrl("/customers/" + SUBJECT))
                .andExpect(flash().attribute("notice", "customers.done.blocked"));
        assertThat(CALLS.getLast().method()).isEqualTo("PUT");
        assertThat(CALLS.getLast().body()).contains("\"blocked\":true").contains("\"reason\":\"chargeback fraud\"")
                .contains("\"version\":3");

        ANSWERS.put("PUT /api/admin/customers/" + SUBJECT + "/blacklist", Map.entry(409, """
                {"type":"https://onshore.dev/problems/stale-customer","status":409,"title":"Changed by someone else",
                 "detail":"The customer was changed after you opened it (version 3, now 4); nothing was saved.",
                 "editedVersion":3,"currentVersion":4}"""));
        var refused = mvc.perform(post("/customers/" + SUBJECT + "/blacklist").param("blocked", "false")
                .param("reason", "mistake").param("version", "3").with(as("kim", "ORDER_MANAGER")).with(csrf()))
                .andExpect(redirectedUrl("/customers/" + SUBJECT)).andExpect(flash().attribute("stale", true))
                .andExpect(flash().attribute("reason", "mistake")).andReturn();
        mvc.perform(get("/customers/" + SUBJECT).flashAttrs(refused.getFlashMap()).with(as("kim", "ORDER_MANAGER")))
                .andExpect(content().string(allOf(containsString("data-stale"),
                        containsString("(version 3, now 4)"), containsString("value=\"mistake\""))));

        CALLS.clear();
        mvc.perform(post("/customers/" + SUBJECT + "/blacklist").param("blocked", "true").param("reason", "x")
                .param("version", "3").with(as("vera", "VIEWER")).with(csrf())).andExpect(status().isForbidden());
        assertThat(CALLS).isEmpty();
    }
}
