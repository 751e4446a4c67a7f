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
 * The operator IP allow-list on a real server: only 127.0.0.2 is an operators' network here (Linux routes all of
 * 127.0.0.0/8 to loopback), so 127.0.0.1 is a stranger who gets the localized 403 page, not even the login.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1", "onshore.admin.keycloak-url=http://127.0.0.1:1",
        "onshore.admin.login-client-secret=test-only", "onshore.admin.service-client-secret=test-only",
        "onshore.admin.operator-networks=127.0.0.2/32"})
class OperatorNetworksIntegrationTests {

    @Value("${local.server.port}")
    int port;

    private HttpResponse<String> get(String from, String path, String language) throws Exception {
        var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .localAddress(InetAddress.getByName(from)).build();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept-Language", language).header("Accept", path.startsWith("/actuator") ? "*/*" : "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aStrangerGetsTheLocalizedForbiddenPageAndNeverTheLogin() throws Exception {
        var refused = get("127.0.0.1", "/", "ko");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("권한 없음").contains("운영자 네트워크").doesNotContain("Whitelabel");
        assertThat(get("127.0.0.1", "/oauth2/authorization/keycloak", "en").statusCode()).isEqualTo(403);
    }

    @Test
    void anOperatorsAddressIsLedToTheLoginAndHealthStaysOpen() throws Exception {
        var operator = get("127.0.0.2", "/", "en");

        assertThat(operator.statusCode()).isEqualTo(302);
        assertThat(operator.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/oauth2/authorization/keycloak"));
        assertThat(get("127.0.0.1", "/actuator/health/readiness", "en").statusCode()).isEqualTo(200);
    }
}
