package dev.onshore.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** Without a session every page leads to the operators realm's login, with PKCE; only health is open. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1", "onshore.admin.keycloak-url=http://127.0.0.1:1",
        "onshore.admin.login-client-secret=test-only", "onshore.admin.service-client-secret=test-only" })
class AdminSecurityIntegrationTests {

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
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
}
