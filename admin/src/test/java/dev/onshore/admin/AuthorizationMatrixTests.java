package dev.onshore.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the back office × every role → allowed or refused (403), found by enumerating the handler
 * mappings: an endpoint under a path no rule below covers fails the test, so a new screen must state who may use it
 * here as well as in its {@code @PreAuthorize}. The internal WAS is an in-process stand-in that answers everything.
 */
@SpringBootTest(properties = {"onshore.admin.login-client-secret=test-only",
        "onshore.admin.service-client-secret=test-only"})
class AuthorizationMatrixTests {

    static final List<String> ROLES = OperatorRoles.ALL;

    /**
     * The policy, written out independently of the code it checks: which roles besides ADMIN may read (GET) and write
     * (anything else) under a path. Add a rule when a screen opens a new path.
     */
    record Rule(String prefix, Set<String> read, Set<String> write) {

        boolean covers(String path) {
            return prefix.equals("/") ? path.equals("/") : path.equals(prefix) || path.startsWith(prefix + "/");
        }
    }

    private static final Set<String> EVERYONE = Set.copyOf(ROLES);

    static final List<Rule> RULES = List.of(
            new Rule("/", EVERYONE, Set.of()),
            new Rule("/products", Set.of("CATALOG_MANAGER", "VIEWER"), Set.of("CATALOG_MANAGER")),
            // Creating and importing are changes: their forms and an import's progress are for those who may make them.
            new Rule("/products/new", Set.of("CATALOG_MANAGER"), Set.of("CATALOG_MANAGER")),
            new Rule("/products/import", Set.of("CATALOG_MANAGER"), Set.of("CATALOG_MANAGER")),
            new Rule("/categories", Set.of("CATALOG_MANAGER", "VIEWER"), Set.of("CATALOG_MANAGER")),
            new Rule("/brands", Set.of("CATALOG_MANAGER", "VIEWER"), Set.of("CATALOG_MANAGER")),
            new Rule("/orders", Set.of("ORDER_MANAGER", "FINANCE", "VIEWER"), Set.of("ORDER_MANAGER")),
            // Marketplace import and its product codes are changes: the whole page is for those who may import.
            new Rule("/orders/import", Set.of("ORDER_MANAGER"), Set.of("ORDER_MANAGER")),
            new Rule("/claims", Set.of("ORDER_MANAGER", "FINANCE", "VIEWER"), Set.of("ORDER_MANAGER")),
            new Rule("/shipments", Set.of("ORDER_MANAGER", "FINANCE", "VIEWER"), Set.of("ORDER_MANAGER")),
            new Rule("/customers", Set.of("ORDER_MANAGER"), Set.of("ORDER_MANAGER")),
            new Rule("/cms", Set.of("CONTENT_MANAGER", "VIEWER"), Set.of("CONTENT_MANAGER")),
            new Rule("/marketing", Set.of("CONTENT_MANAGER", "VIEWER"), Set.of("CONTENT_MANAGER")),
            // Coupons are money off: finance reads them; issuing and deactivating stay with the content desk.
            new Rule("/marketing/coupons", Set.of("CONTENT_MANAGER", "FINANCE", "VIEWER"), Set.of("CONTENT_MANAGER")),
            new Rule("/rates", Set.of("FINANCE", "VIEWER"), Set.of("FINANCE")),
            new Rule("/statistics", Set.of("FINANCE", "VIEWER"), Set.of("FINANCE")),
            // Batch jobs are read only; FINANCE reads them too (nothing personal in a run).
            new Rule("/jobs", Set.of("FINANCE", "VIEWER"), Set.of()),
            new Rule("/audit", Set.of(), Set.of()),
            new Rule("/logins", Set.of(), Set.of()),
            new Rule("/mailbox", Set.of("ORDER_MANAGER"), Set.of("ORDER_MANAGER")));

    /** Refunds move money: the order desk and finance, under whichever path they live. */
    static Set<String> allowed(String path, String method) {
        var rule = RULES.stream().filter(r -> r.covers(path)).reduce((a, b) -> b.prefix().length() > a.prefix().length() ? b : a)
                .orElseThrow(() -> new AssertionError("No authorization rule covers " + method + " " + path
                        + ": add one to AuthorizationMatrixTests.RULES"));
        var roles = new TreeSet<String>(method.equals("GET") ? rule.read() : rule.write());
        if (!method.equals("GET") && path.contains("refund")) {
            roles.add("FINANCE");
        }
        roles.add("ADMIN");
        return roles;
    }

    private static final HttpServer WAS = standIn();

    private static HttpServer standIn() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                var token = exchange.getRequestURI().getPath().endsWith("/token");
                var body = (token ? "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":300}"
                        : exchange.getRequestMethod().equals("GET") ? "[]" : "{}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        var url = "http://127.0.0.1:" + WAS.getAddress().getPort();
        registry.add("onshore.admin.internal-was-url", () -> url);
        registry.add("onshore.admin.keycloak-url", () -> url);
        registry.add("onshore.admin.demo-mailbox-url", () -> url + "/mails");
    }

    @AfterAll
    static void stop() {
        WAS.stop(0);
    }

    @Autowired
    WebApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** One endpoint: an HTTP method and a concrete path for its pattern. */
    record Endpoint(String method, String pattern, String path) {
    }

    List<Endpoint> endpoints() {
        var endpoints = new ArrayList<Endpoint>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!isOurs(handler)) {
                return;
            }
            var methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of(RequestMethod.GET)
                    : info.getMethodsCondition().getMethods();
            for (var pattern : info.getPatternValues()) {
                for (var method : methods) {
                    endpoints.add(new Endpoint(method.name(), pattern, concrete(pattern)));
                }
            }
        });
        return endpoints;
    }

    private static boolean isOurs(HandlerMethod handler) {
        return handler.getBeanType().getPackageName().startsWith("dev.onshore.admin");
    }

    /** {@code /products/{sku}/{action}} → {@code /products/HS-VITC-1000/submit}: a value each variable accepts. */
    static String concrete(String pattern) {
        return pattern.replace("{sku}", "HS-VITC-1000").replace("{action}", "submit")
                .replaceAll("\\{[^}/]*:[^}]*}", "1").replaceAll("\\{\\*?[^}/]+}", "1");
    }

    @Test
    void everyEndpointAllowsExactlyTheRolesItsRuleNamesAndRefusesTheOthers() throws Exception {
        var mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        var endpoints = endpoints();
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/", "/products/{sku}/{action}", "/mailbox",
                "/cms", "/cms/{market}/{page}/items/{id}", "/marketing/coupons", "/marketing/coupons/{code}/disable",
                "/customers", "/customers/{subject}", "/customers/{subject}/reveal", "/customers/{subject}/blacklist");
        var wrong = new ArrayList<String>();
        for (var endpoint : endpoints) {
            var expected = allowed(endpoint.path(), endpoint.method());
            for (var role : ROLES) {
                int status;
                try {
                    status = mvc.perform(request(HttpMethod.valueOf(endpoint.method()), endpoint.path())
                            .with(oidcLogin().idToken(token -> token.claim("preferred_username", "matrix-" + role))
                                    .authorities(new SimpleGrantedAuthority("ROLE_" + role)))
                            .with(csrf())).andReturn().getResponse().getStatus();
                } catch (jakarta.servlet.ServletException failedPastTheCheck) {
                    status = 500; // the handler ran (and failed on the stand-in's answer): access was granted
                }
                var refused = status == 403;
                if (refused == expected.contains(role)) {
                    wrong.add(endpoint.method() + " " + endpoint.pattern() + " as " + role + ": " + status
                            + (refused ? " (refused, should be allowed)" : " (allowed, should be refused)"));
                }
            }
            var roleless = mvc.perform(request(HttpMethod.valueOf(endpoint.method()), endpoint.path())
                    .with(oidcLogin()).with(csrf())).andReturn().getResponse().getStatus();
            if (roleless != 403) {
                wrong.add(endpoint.method() + " " + endpoint.pattern() + " without a role: " + roleless);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theNavigationOffersEachRoleExactlyTheScreensItMayRead() {
        for (var role : ROLES) {
            for (var link : Navigation.LINKS) {
                assertThat(link.visibleTo(Set.of(role))).as(role + " sees " + link.href())
                        .isEqualTo(allowed(link.href(), "GET").contains(role));
            }
        }
        assertThat(Navigation.LINKS).extracting(Navigation.Link::href).containsExactly("/", "/products", "/categories", "/brands", "/orders",
                "/customers", "/cms", "/marketing/hot-deals", "/marketing/coupons", "/rates", "/statistics", "/jobs", "/audit", "/logins",
                "/mailbox");
    }

    @Test
    void everyLinkOfTheNavigationLeadsToAScreen() {
        var screens = endpoints().stream().filter(endpoint -> endpoint.method().equals("GET"))
                .map(Endpoint::pattern).toList();
        assertThat(Navigation.LINKS).extracting(Navigation.Link::href).allSatisfy(href ->
                assertThat(screens).as("a GET screen at " + href).contains(href));
    }
}
