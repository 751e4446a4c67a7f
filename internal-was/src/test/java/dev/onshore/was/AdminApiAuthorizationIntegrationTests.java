package dev.onshore.was;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.onshore.was.adminapi.OperatorRole;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every {@code /api/admin/**} mapping × every operator role → allowed or refused with 403 {@code operator-role}, with
 * real signed service tokens and the roles header as the admin app sends them. The mappings are enumerated, so an
 * admin endpoint under a path no rule below covers fails the test.
 */
class AdminApiAuthorizationIntegrationTests extends CatalogTestSupport {

    /**
     * The policy, written out apart from the annotations it checks: roles besides ADMIN that may read (GET) and
     * write under a path; VIEWER reads wherever {@code viewerReads}. Add a rule with a new admin API path.
     */
    record Rule(String prefix, Set<String> roles, boolean viewerReads) {
    }

    static final List<Rule> RULES = List.of(
            new Rule("/api/admin/products", Set.of("CATALOG_MANAGER"), true),
            new Rule("/api/admin/categories", Set.of("CATALOG_MANAGER"), true),
            new Rule("/api/admin/brands", Set.of("CATALOG_MANAGER"), true),
            new Rule("/api/admin/product-imports", Set.of("CATALOG_MANAGER"), true),
            new Rule("/api/admin/product-exports", Set.of("CATALOG_MANAGER"), true),
            new Rule("/api/admin/product-import-template", Set.of("CATALOG_MANAGER"), true),
            new Rule("/api/admin/exchange-rates", Set.of("FINANCE"), true),
            new Rule("/api/admin/cms", Set.of("CONTENT_MANAGER"), true),
            new Rule("/api/admin/hot-deals", Set.of("CONTENT_MANAGER"), true),
            new Rule("/api/admin/coupons", Set.of("CONTENT_MANAGER"), true),
            new Rule("/api/admin/orders", Set.of("ORDER_MANAGER"), true),
            new Rule("/api/admin/order-imports", Set.of("ORDER_MANAGER"), true),
            new Rule("/api/admin/order-import-template", Set.of("ORDER_MANAGER"), true),
            new Rule("/api/admin/marketplace-codes", Set.of("ORDER_MANAGER"), true),
            // Customers are personal data: the order desk's, never VIEWER's, not even masked.
            new Rule("/api/admin/customers", Set.of("ORDER_MANAGER"), false),
            new Rule("/api/admin/audit", Set.of(), false),
            new Rule("/api/admin/statistics", Set.of("FINANCE"), true),
            new Rule("/api/admin/jobs", Set.of("FINANCE"), true),
            new Rule("/api/admin/dashboard", Set.of("CATALOG_MANAGER", "ORDER_MANAGER", "CONTENT_MANAGER", "FINANCE"),
                    true));

    /** Who may call: ADMIN always; the sign-in history's recording needs no role (the admin app records attempts). */
    static Set<String> allowed(String method, String pattern) {
        if (method.equals("POST") && pattern.equals("/api/admin/audit/logins")) {
            return Set.of("ADMIN", "CATALOG_MANAGER", "ORDER_MANAGER", "CONTENT_MANAGER", "FINANCE", "VIEWER", "");
        }
        var rule = RULES.stream().filter(r -> pattern.equals(r.prefix()) || pattern.startsWith(r.prefix() + "/"))
                .findFirst().orElseThrow(() -> new AssertionError("No authorization rule covers " + method + " "
                        + pattern + ": add one to AdminApiAuthorizationIntegrationTests.RULES"));
        var roles = new TreeSet<>(rule.roles());
        roles.add("ADMIN");
        // Finance reads orders and refunds them; the other moves of an order are the order desk's.
        if (rule.prefix().equals("/api/admin/orders") && (method.equals("GET")
                || method.equals("POST") && pattern.endsWith("/refunds"))) {
            roles.add("FINANCE");
        }
        // Coupons are money off: finance reads them, the content desk issues and disables them.
        if (rule.prefix().equals("/api/admin/coupons") && method.equals("GET")) {
            roles.add("FINANCE");
        }
        if (rule.viewerReads() && method.equals("GET")) {
            roles.add("VIEWER");
        }
        return roles;
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Endpoint(String method, String pattern, String path, MediaType body) {
    }

    List<Endpoint> adminEndpoints() {
        var endpoints = new ArrayList<Endpoint>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            var methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of(RequestMethod.GET)
                    : info.getMethodsCondition().getMethods();
            for (var pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/admin")) {
                    var consumes = info.getConsumesCondition().getConsumableMediaTypes();
                    var body = consumes.isEmpty() ? MediaType.APPLICATION_JSON : consumes.iterator().next();
                    methods.forEach(method -> endpoints.add(new Endpoint(method.name(), pattern, concrete(pattern), body)));
                }
            }
        });
        return endpoints;
    }

    /** A value each path variable accepts but that names nothing: the calls change no data. */
    static String concrete(String pattern) {
        return pattern.replace("{sku}", "HS-MATRIX-NONE").replace("{market}", "SG").replace("{quote}", "XXX")
                .replace("{id}", "00000000-0000-0000-0000-000000000000").replaceAll("\\{[^}]+}", "none");
    }

    @Test
    void everyAdminEndpointAllowsExactlyTheRolesItsRuleNames() throws Exception {
        var endpoints = adminEndpoints();
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/api/admin/products/{sku}/approval",
                "/api/admin/exchange-rates/{quote}", "/api/admin/cms/sites/{market}/pages/{page}/items",
                "/api/admin/hot-deals", "/api/admin/audit", "/api/admin/statistics/sales", "/api/admin/jobs",
                "/api/admin/cms/sites", "/api/admin/cms/sites/{market}/pages/{page}",
                "/api/admin/cms/sites/{market}/pages/{page}/items/{id}", "/api/admin/coupons",
                "/api/admin/customers/{subject}/reveal", "/api/admin/customers/{subject}/blacklist");
        var roles = new ArrayList<String>(Arrays.stream(OperatorRole.values()).map(Enum::name).toList());
        roles.add("");
        var wrong = new ArrayList<String>();
        for (var endpoint : endpoints) {
            var expected = allowed(endpoint.method(), endpoint.pattern());
            for (var role : roles) {
                var response = mvc.perform(request(HttpMethod.valueOf(endpoint.method()), endpoint.path())
                        .header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator", "matrix")
                        .header("X-Onshore-Operator-Roles", role).contentType(endpoint.body())
                        .content(endpoint.body().equals(MediaType.APPLICATION_JSON) ? "{}" : "<none/>")).andReturn().getResponse();
                var refused = response.getStatus() == 403
                        && response.getContentAsString().contains("https://onshore.dev/problems/operator-role");
                if (refused == expected.contains(role)) {
                    wrong.add(endpoint.method() + " " + endpoint.pattern() + " as '" + role + "': "
                            + response.getStatus() + " " + (refused ? "refused" : "allowed"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theRolesHeaderCountsOnlyWithAServiceTokenAndARefusalIsAProblemInTheCallersLanguage() throws Exception {
        mvc.perform(get("/api/admin/exchange-rates").header("X-Onshore-Operator-Roles", "ADMIN"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/admin/exchange-rates").header("X-Onshore-Operator-Roles", "ADMIN")
                .header("Authorization", OperatorsRealm.token(List.of("operator")))).andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/audit").header("Authorization", OperatorsRealm.serviceToken())
                        .header("X-Onshore-Operator-Roles", "VIEWER, FINANCE,superuser").header("Accept-Language", "ko"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/operator-role"))
                .andExpect(jsonPath("$.title").value("역할 권한 없음"));
        mvc.perform(get("/api/admin/audit").header("Authorization", OperatorsRealm.serviceToken())
                .header("X-Onshore-Operator-Roles", "viewer,admin")).andExpect(status().isOk());
    }
}
