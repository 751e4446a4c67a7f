package dev.onshore.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What an attacker or a crowd sends that the edge must answer itself: never a 500, never a stack trace in the log,
 * and nothing of it reaching the internal tier. The upstream records every request it receives, with its headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Rate limits and the waiting room have tests of their own with a real Redis; none runs here.
        properties = {"onshore.hop.key=" + EdgeRejectionsIntegrationTests.HOP_KEY, "onshore.rate-limits.enabled=false",
                "onshore.waiting-room.enabled=false"})
@ExtendWith(OutputCaptureExtension.class)
class EdgeRejectionsIntegrationTests {

    static final String HOP_KEY = "test-hop-key-0123456789abcdefghijklmnop";

    record Received(String method, String path, Map<String, String> headers, int bodyBytes) {
    }

    private static final List<Received> received = new CopyOnWriteArrayList<>();
    @AutoClose
    private static final Upstream upstream = Upstream.start(exchange -> {
        int bytes = exchange.getRequestBody().readAllBytes().length;
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                Upstream.headers(exchange), bytes));
        Upstream.answer(exchange, 200, "upstream saw " + exchange.getRequestURI().getRawPath());
    });

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        upstream.route(registry);
    }

    @BeforeEach
    void forgetEarlierRequests() {
        received.clear();
    }

    /** Sends bytes exactly as written (no client library tidying them up) and returns all the edge answered. */
    private String raw(String request) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int status(String rawResponse) {
        var firstLine = rawResponse.lines().findFirst().orElse("");
        return firstLine.startsWith("HTTP/1.1 ") ? Integer.parseInt(firstLine.substring(9, 12)) : -1;
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(String rawResponse, int status) {
        assertThat(status(rawResponse)).as(rawResponse).isEqualTo(status);
        assertThat(rawResponse).containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"status\":" + status).contains("\"type\":\"https://onshore.dev/problems/")
                .doesNotContain("Exception").doesNotContain("trace");
    }

    @Test
    void anUnknownMethodIsNotImplementedAndNeverReachesTheUpstream(CapturedOutput log) throws Exception {
        var response = raw("FROB /id-id/ HTTP/1.1\r\nHost: shop\r\nX-Onshore-Country: KP\r\nConnection: close\r\n\r\n");

        assertProblem(response, 501);
        assertThat(received).isEmpty();
        assertThat(log).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void methodsTheShopNeverServesAreNotAllowedAndTunnelsAreNotImplemented(CapturedOutput log) throws Exception {
        assertProblem(raw("TRACE /id-id/ HTTP/1.1\r\nHost: shop\r\nCookie: a=b\r\nConnection: close\r\n\r\n"), 405);
        assertProblem(raw("CONNECT upstream:443 HTTP/1.1\r\nHost: upstream:443\r\nConnection: close\r\n\r\n"), 501);

        assertThat(received).isEmpty();
        assertThat(log).doesNotContain("\tat ");
    }

    @Test
    void brokenPercentEncodingInThePathOrQueryIsABadRequest(CapturedOutput log) throws Exception {
        for (var target : List.of("/id-id/%zz", "/id-id/%", "/id-id/search?q=%zz", "/id-id/search?q=%E0%A4%A")) {
            var response = raw("GET " + target + " HTTP/1.1\r\nHost: shop\r\nX-Onshore-Client-IP: 6.6.6.6\r\n"
                    + "Connection: close\r\n\r\n");

            assertProblem(response, 400);
        }
        assertThat(received).isEmpty();
        assertThat(log).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void anHttp09RequestLineIsRefusedWithoutReachingTheUpstream(CapturedOutput log) throws Exception {
        var response = raw("GET /id-id/\r\n\r\n");

        assertThat(response).doesNotContain(" 500 ").doesNotContain("upstream saw");
        assertThat(received).isEmpty();
        assertThat(log).doesNotContain("\tat ");
    }

    @Test
    void rejectionsAreLocalizedForTheShoppersLanguage() throws Exception {
        var response = raw("FROB /id-id/ HTTP/1.1\r\nHost: shop\r\nAccept-Language: id-ID\r\nConnection: close\r\n\r\n");

        assertProblem(response, 501);
        assertThat(response).containsIgnoringCase("Content-Language: id").contains("Metode");
    }

    @Test
    void aJsonBodyOverTheRoutesLimitIsRefusedBeforeForwarding() throws Exception {
        var response = post("/api/shop/v1/cart", "application/json", new byte[10 * 1024 * 1024]);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(received).isEmpty();
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedToo() throws Exception {
        var chunk = "x".repeat(64 * 1024);
        var body = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            body.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        body.append("0\r\n\r\n");

        var response = raw("POST /api/shop/v1/cart HTTP/1.1\r\nHost: shop\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + body);

        assertProblem(response, 413);
        assertThat(received).isEmpty();
    }

    @Test
    void aBodyWithinTheLimitReachesTheUpstreamWhole() throws Exception {
        var response = post("/api/shop/v1/cart", "application/json", "{\"sku\":\"HS-VITC-1000\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(received).singleElement().satisfies(r -> assertThat(r.bodyBytes()).isEqualTo(22));
    }

    /**
     * The client's framing never reaches the upstream: the edge forwards the body it read, framed by its own client
     * (the gateway's hop-by-hop filter, which used to drop the client's Transfer-Encoding, is off: the allow-list does it).
     */
    @Test
    void aChunkedBodyWithinTheLimitReachesTheUpstreamWholeInTheEdgesOwnFraming() throws Exception {
        var response = raw("POST /api/shop/v1/cart HTTP/1.1\r\nHost: shop\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nTE: trailers\r\nTrailer: X-Checksum\r\nConnection: close\r\n\r\n"
                + "a\r\n{\"sku\":\"HS\r\nc\r\n-VITC-1000\"}\r\n0\r\n\r\n");

        assertThat(status(response)).isEqualTo(200);
        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.bodyBytes()).isEqualTo(22);
            assertThat(r.headers()).doesNotContainKeys("te", "trailer");
            var framing = r.headers().containsKey("content-length") ? r.headers().get("content-length")
                    : r.headers().get("transfer-encoding");
            assertThat(framing).as("exactly one framing, the edge's own").isIn("22", "chunked");
            assertThat(r.headers().containsKey("content-length") && r.headers().containsKey("transfer-encoding"))
                    .isFalse();
        });
    }

    @Test
    void onlyAllowedHeadersReachTheUpstream() throws Exception {
        raw("GET /id-id/allow-list HTTP/1.1\r\nHost: shop\r\nX-Real-IP: 6.6.6.6\r\nConnection: close, X-Secret\r\n"
                + "X-Secret: smuggled\r\nX-Forwarded-Host: evil.example\r\nX-Forwarded-For: 198.51.100.7\r\n"
                + "Accept-Language: id-ID\r\nCookie: a=b\r\nX-Anything: x\r\n\r\n");

        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.headers()).doesNotContainKeys("x-real-ip", "x-secret", "x-forwarded-host", "x-anything");
            assertThat(r.headers().get("x-forwarded-for")).isEqualTo("198.51.100.7");
            assertThat(r.headers().get("accept-language")).isEqualTo("id-ID");
            assertThat(r.headers().get("cookie")).isEqualTo("a=b");
            assertThat(r.headers().get("x-onshore-client-ip")).isEqualTo("198.51.100.7");
        });
    }

    /** The edge alone says where the request came from (the gateway's own Forwarded filters are gone: the allow-list is enough). */
    @Test
    void forwardingHeadersTheClientSentNeverReachTheUpstream() throws Exception {
        raw("GET /id-id/forwarded HTTP/1.1\r\nHost: shop\r\nForwarded: for=6.6.6.6;host=evil.example;proto=https\r\n"
                + "X-Forwarded-Host: evil.example\r\nX-Forwarded-Port: 8443\r\nX-Forwarded-Prefix: /evil\r\n"
                + "X-Forwarded-Server: evil\r\nX-Forwarded-For: 198.51.100.8\r\nConnection: close\r\n\r\n");

        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.headers()).doesNotContainKeys("forwarded", "x-forwarded-host", "x-forwarded-port",
                    "x-forwarded-prefix", "x-forwarded-server");
            assertThat(r.headers().get("x-forwarded-for")).isEqualTo("198.51.100.8");
            assertThat(r.headers().get("x-forwarded-proto")).isEqualTo("http");
        });
    }

    @Test
    void theStoreApisOwnHeadersReachTheUpstream() throws Exception {
        raw("GET /api/shop/v1/cart HTTP/1.1\r\nHost: shop\r\nCart-Token: guest-cart-token\r\n"
                + "Idempotency-Key: k-1\r\nX-Shop-Market: SG\r\nX-Shop-Locale: zh-SG\r\nX-Shop-Currency: SGD\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.headers().get("cart-token")).isEqualTo("guest-cart-token");
            assertThat(r.headers().get("idempotency-key")).isEqualTo("k-1");
            assertThat(r.headers().get("x-shop-market")).isEqualTo("SG");
            assertThat(r.headers().get("x-shop-locale")).isEqualTo("zh-SG");
            assertThat(r.headers().get("x-shop-currency")).isEqualTo("SGD");
        });
    }

    /**
     * Every request header the store API documents (docs/api/shop-v1.openapi.json, generated from internal-was's
     * code) reaches internal-was: a headless client reading its guest order sends Order-Token, which the edge once
     * dropped, so the order could not be read through it.
     */
    @Test
    void everyHeaderTheStoreApiDocumentsReachesTheUpstream() throws Exception {
        var document = tools.jackson.databind.json.JsonMapper.builder().build().readTree(java.nio.file.Files.readString(
                java.nio.file.Path.of(System.getProperty("onshore.root", ".."), "docs", "api", "shop-v1.openapi.json")));
        var names = new java.util.TreeSet<String>();
        for (var path : document.get("paths")) {
            for (var operation : path) {
                var parameters = operation.get("parameters");
                for (var parameter : parameters == null ? List.<tools.jackson.databind.JsonNode>of() : parameters) {
                    if (parameter.has("$ref")) {
                        var ref = parameter.get("$ref").asString();
                        parameter = document.get("components").get("parameters").get(ref.substring(ref.lastIndexOf('/') + 1));
                    }
                    if ("header".equals(parameter.get("in").asString())) {
                        names.add(parameter.get("name").asString());
                    }
                }
            }
        }
        assertThat(names).contains("Cart-Token", "Order-Token", "Idempotency-Key");
        var request = new StringBuilder("GET /api/shop/v1/orders/ON1 HTTP/1.1\r\nHost: shop\r\n");
        names.forEach(name -> request.append(name).append(": v-").append(name).append("\r\n"));
        raw(request.append("Connection: close\r\n\r\n").toString());

        assertThat(received).singleElement().satisfies(r -> names.forEach(name ->
                assertThat(r.headers().get(name.toLowerCase(java.util.Locale.ROOT))).as(name).isEqualTo("v-" + name)));
    }

    @Test
    void theStorefrontRouteSignsTheHopSoTheWasCanTellTheEdgeFromAnyCaller() throws Exception {
        raw("GET /id-id/signed HTTP/1.1\r\nHost: shop\r\nAccept-Language: id-ID\r\nConnection: close\r\n\r\n");

        assertThat(received).singleElement().satisfies(r -> {
            var hop = r.headers().get("x-onshore-hop");
            assertThat(hop).isNotNull();
            var onshore = new HashMap<String, String>();
            r.headers().forEach((name, value) -> {
                if (name.startsWith("x-onshore-") && !name.equals("x-onshore-hop")) {
                    onshore.put(name, value);
                }
            });
            assertThat(dev.onshore.i18n.context.HopSignature.verify(List.of(HOP_KEY), hop, "GET", "/id-id/signed", onshore,
                    java.time.Instant.now(), java.time.Duration.ofSeconds(30))).isTrue();
        });
    }

    @Test
    void onlyTheShoppersLoginTokenLogoutCertificatesAndAccountPathsReachKeycloak() throws Exception {
        for (var path : List.of("/realms/shoppers/clients-registrations/default", "/realms/shoppers/clients-registrations/openid-connect",
                "/realms/shoppers/protocol/openid-connect/token/introspect", "/admin/shoppers/console/",
                "/realms/shoppers/protocol/openid-connect/ext/ciba/auth", "/realms/shoppers/protocol/saml")) {
            var response = raw("GET " + path + " HTTP/1.1\r\nHost: shop\r\nConnection: close\r\n\r\n");
            assertProblem(response, 404);
        }
        assertThat(received).isEmpty();

        for (var path : List.of("/realms/shoppers/protocol/openid-connect/auth", "/realms/shoppers/protocol/openid-connect/token",
                "/realms/shoppers/protocol/openid-connect/logout", "/realms/shoppers/protocol/openid-connect/certs",
                "/realms/shoppers/login-actions/authenticate", "/realms/shoppers/account/",
                "/realms/shoppers/.well-known/openid-configuration", "/resources/abc/login/keycloak.v2/css/login.css")) {
            raw("GET " + path + " HTTP/1.1\r\nHost: shop\r\nConnection: close\r\n\r\n");
        }
        assertThat(received).hasSize(8);
    }
}
