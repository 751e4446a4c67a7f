package dev.onshore.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Without a session every page leads to the operators realm's login, with PKCE; only health is open, and the metrics
 * to the Prometheus host, here 127.0.0.2 (Linux routes all of 127.0.0.0/8 to loopback) so that 127.0.0.1 is anyone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1", "onshore.admin.keycloak-url=http://127.0.0.1:1",
        "onshore.admin.login-client-secret=test-only", "onshore.admin.service-client-secret=test-only",
        "onshore.metrics.scrapers=" + AdminSecurityIntegrationTests.SCRAPER + "/32" })
class AdminSecurityIntegrationTests {

    static final String SCRAPER = "127.0.0.2";

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws Exception {
        return get(http, path);
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyPageRequiresAnOperatorLogin() throws Exception {
        for (var path : new String[] {"/", "/mailbox", "/products/HS-VITC-1000/publish"}) {
            var response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(path)
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/oauth2/authorization/keycloak"));
        }
    }

    @Test
    void loginGoesToTheOperatorsRealmWithPkce() throws Exception {
        var response = get("/oauth2/authorization/keycloak");

        assertThat(response.statusCode()).isEqualTo(302);
        var location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("http://127.0.0.1:1/realms/operators/protocol/openid-connect/auth?")
                .contains("client_id=onshore-admin").contains("code_challenge=").contains("code_challenge_method=S256")
                .contains("scope=openid");
    }

    @Test
    void healthIsOpenForTheLoadBalancer() throws Exception {
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void theScraperReadsTheMetricsWithoutALogin() throws Exception {
        get("/actuator/health/readiness");
        var scraper = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .localAddress(InetAddress.getByName(SCRAPER)).build();

        var response = get(scraper, "/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("http_server_requests_seconds_count{").contains("jvm_threads_live_threads");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void metricsAreForbiddenToAnyoneElseWithProblemDetailsNotALoginRedirect() throws Exception {
        var response = get("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":403").doesNotContain("jvm_");
        assertThat(get("/actuator/metrics").statusCode()).as("other actuator endpoints").isEqualTo(302);
    }
}
