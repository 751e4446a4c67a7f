package dev.onshore.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway on a random port in front of an in-process upstream that records what it received. The Prometheus host
 * is 127.0.0.2 (Linux routes all of 127.0.0.0/8 to loopback), so that 127.0.0.1 is any other client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "onshore.metrics.scrapers=" + GatewayIntegrationTests.SCRAPER + "/32")
class GatewayIntegrationTests {

    static final String SCRAPER = "127.0.0.2";

    private static final Map<String, Map<String, String>> received = new ConcurrentHashMap<>();
    @AutoClose
    private static final Upstream upstream = Upstream.start(exchange -> {
        received.put(exchange.getRequestURI().getPath(), Upstream.headers(exchange));
        var body = "upstream saw " + exchange.getRequestURI().getPath();
        if (exchange.getRequestURI().getPath().endsWith("/large-page")) {
            body = "<p>" + "A page of a few kilobytes. ".repeat(200) + "</p>";
            exchange.getResponseHeaders().add("Content-Type", "text/html;charset=UTF-8");
        }
        exchange.getResponseHeaders().add("X-Frame-Options", "DENY");
        exchange.getResponseHeaders().add("Content-Security-Policy", "default-src 'self'");
        Upstream.answer(exchange, 200, body);
    });

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        upstream.route(registry);
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        return get(http, path, headers);
    }

    /** GETs {@code path} and returns the headers the upstream received with it. */
    private Map<String, String> forwarded(String path, String... headers) throws Exception {
        get(path, headers);
        return received.get(path);
    }

    private HttpResponse<String> scrape(String... headers) throws Exception {
        var fromScraper = HttpClient.newBuilder().localAddress(InetAddress.getByName(SCRAPER)).build();
        return get(fromScraper, "/actuator/prometheus", headers);
    }

    private HttpResponse<String> get(HttpClient client, String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void routesStorefrontPagesToTheInternalWas() throws Exception {
        var response = get("/id-id/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("upstream saw /id-id/");
    }

    @Test
    void pagesGoOutGzippedToBrowsersThatAskForIt() throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/en-us/large-page"))
                .header("Accept-Encoding", "gzip").build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (var unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
            var page = new String(unzipped.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(page).startsWith("<p>A page of a few kilobytes.");
            assertThat(response.body().length).isLessThan(page.length() / 4);
        }
        // A client that does not ask gets the page as it is.
        assertThat(get("/en-us/large-page").headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void dropsEdgeOnlyHeadersTheClientSentAndSetsTheClientAddress() throws Exception {
        var headers = forwarded("/ko-kr/headers", "X-Onshore-Country", "KP", "x-onshore-client-ip", "6.6.6.6", "X-Onshore-Anything", "x");

        assertThat(headers).doesNotContainKey("x-onshore-anything");
        assertThat(headers.get("x-onshore-country")).isEqualTo("KR");
        assertThat(headers.get("x-onshore-client-ip")).isEqualTo("127.0.0.1");
    }

    @Test
    void hopByHopHeadersNeverReachTheUpstream() throws Exception {
        // An h2c upgrade smuggled through the edge would give the client a raw channel to the internal WAS. The JDK
        // client itself offers "Connection: Upgrade, HTTP2-Settings" and "Upgrade: h2c" on every plain-HTTP request.
        var headers = forwarded("/hop/headers", "Keep-Alive", "timeout=5");

        assertThat(headers).doesNotContainKeys("upgrade", "http2-settings", "keep-alive", "proxy-connection");
        assertThat(headers.getOrDefault("connection", "")).doesNotContainIgnoringCase("upgrade");
    }

    @Test
    void tellsTheUpstreamTheShoppersContextInsteadOfWhatTheClientClaimed() throws Exception {
        var headers = forwarded("/context/id", "Accept-Language", "id-ID,id;q=0.9,en;q=0.5", "X-Onshore-Currency",
                "USD", "X-Onshore-Country", "US");

        assertThat(headers.get("x-onshore-country")).isEqualTo("ID");
        assertThat(headers.get("x-onshore-locale")).isEqualTo("id-ID");
        assertThat(headers.get("x-onshore-currency")).isEqualTo("IDR");
        assertThat(headers.get("x-onshore-timezone")).isEqualTo("Asia/Jakarta");
    }

    @Test
    void theShoppersExplicitChoiceWinsOverTheirBrowser() throws Exception {
        var headers = forwarded("/context/choice", "Accept-Language", "id-ID", "Cookie", "onshore_choice=1|MY|ms-MY|MYR|Asia/Kuala_Lumpur");

        assertThat(headers.get("x-onshore-locale")).isEqualTo("ms-MY");
        assertThat(headers.get("x-onshore-currency")).isEqualTo("MYR");
    }

    @Test
    void aLocalizedPageLearnsWhatTheRootWouldHavePickedForTheShopper() throws Exception {
        var headers = forwarded("/ko-kr/suggested", "Accept-Language", "id-ID", "Cookie", "onshore_choice=1|ID|en-US|IDR|");

        assertThat(headers.get("x-onshore-suggested-country")).isEqualTo("ID");
        assertThat(headers.get("x-onshore-suggested-locale")).isEqualTo("en-US");

        assertThat(forwarded("/ko-kr/nothing-known", "Accept-Language", "fr-FR"))
                .doesNotContainKey("x-onshore-suggested-locale");
    }

    @Test
    void garbageHeadersStillGetTheSiteDefaultNotAnError() throws Exception {
        var response = get("/context/garbage", "Accept-Language", "\u00ff;q=abc,,,*;q=-1" + "x".repeat(4000),
                "Cookie", "onshore_choice=%%%|||");

        assertThat(response.statusCode()).isEqualTo(200);
        var headers = received.get("/context/garbage");
        assertThat(headers.get("x-onshore-country")).isEqualTo("KR");
        assertThat(headers.get("x-onshore-locale")).isEqualTo("ko-KR");
        assertThat(headers.get("x-onshore-currency")).isEqualTo("KRW");
        assertThat(headers.get("x-onshore-context-source")).isEqualTo("SITE_DEFAULT");
    }

    @Test
    void internalOnlyPathsNeverReachTheUpstream() throws Exception {
        for (var path : new String[] {"/api/admin/products", "/actuator/env", "/Actuator/env", "/realms/operators/x",
                "/realms/master/x", "/admin/master/console"}) {
            var response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(received.keySet()).noneMatch(p -> p.toLowerCase().startsWith("/api/admin") || p.toLowerCase().startsWith("/actuator")
                || p.startsWith("/realms/operators") || p.startsWith("/realms/master"));
    }

    @Test
    void theScraperReadsTheGatewaysOwnMetrics() throws Exception {
        get("/id-id/");

        var response = scrape();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).contains("http_server_requests_seconds_count{")
                .contains("jvm_threads_live_threads");
        assertThat(received.keySet()).noneMatch(p -> p.toLowerCase().startsWith("/actuator"));
    }

    @Test
    void metricsAreNotFoundForAnyoneElseNorThroughTheRoutes() throws Exception {
        // The storefront route matches /** and the internal WAS answers /actuator/prometheus to its own scrapers:
        // were it routed, whatever the WAS trusts would leak through the edge.
        var responses = Map.of(
                "another client", get("/actuator/prometheus"),
                "a disguised path", get("//actuator;x=1/Prometheus"),
                "the scraper relayed by a proxy", scrape("X-Forwarded-For", SCRAPER),
                "the scraper's address in a forwarded header", get("/actuator/prometheus", "X-Forwarded-For", SCRAPER));

        responses.forEach((who, response) -> {
            assertThat(response.statusCode()).as(who).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(who)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).as(who).contains("\"status\":404").doesNotContain("jvm_");
        });
        assertThat(received.keySet()).noneMatch(p -> p.toLowerCase().contains("actuator"));
    }

    @Test
    void disguisedPathsAreRejected() throws Exception {
        assertThat(get("/id-id/%2e%2e/api/admin/products").statusCode()).isEqualTo(400);
        assertThat(get("/api%2fadmin/products").statusCode()).isEqualTo(400);
    }

    @Test
    void securityHeadersAppearOnceEvenWhenTheUpstreamSetsThemToo() throws Exception {
        var response = get("/id-id/");

        assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.headers().allValues("Content-Security-Policy")).hasSize(1);
    }

    @Test
    void gatewayAnswersItsOwnReadinessProbe() throws Exception {
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void theEdgesOwnAnswersCarryThePolicyOfItsFile() throws Exception {
        var policy = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/resources",
                EdgePolicy.CONTENT_SECURITY_POLICY_FILE)).strip();
        assertThat(get("/actuator/health/readiness").headers().allValues("Content-Security-Policy"))
                .containsExactly(policy);
    }
}
