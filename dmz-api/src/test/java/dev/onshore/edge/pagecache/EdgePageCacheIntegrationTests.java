package dev.onshore.edge.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.edge.Upstream;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.annotation.Order;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The edge's page micro-cache in front of an in-process upstream that counts what reaches it and numbers its renders:
 * a page the upstream marks shareable is answered by the edge for its max-age (capped at 3 s here), only to requests
 * that would have been rendered alike, never to one with a shopper's cookie or credentials, and never when the
 * answer set a cookie, failed, or was not marked. Requests that miss a page another request is fetching wait for that
 * answer (at most 1 s here) rather than reach the upstream too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"onshore.edge.page-cache.max-age=3s", "onshore.edge.page-cache.coalesce-wait=1s"})
class EdgePageCacheIntegrationTests {

    private static final Map<String, AtomicInteger> renders = new ConcurrentHashMap<>();
    private static final Map<String, String> suggestions = new ConcurrentHashMap<>();
    private static final Upstream upstream = startUpstream();

    @Value("${local.server.port}")
    int port;

    @Autowired
    EdgePageCache cache;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        upstream.route(registry);
    }

    @AfterAll
    static void stopUpstream() {
        upstream.close();
    }

    @BeforeEach
    void forget() {
        cache.clear();
        renders.clear();
    }

    /**
     * Paths ending in {@code /shared} are marked for a minute, {@code /cookie} marked but set a cookie, {@code /plain}
     * unmarked, {@code /missing} marked but 404. Each body names the path, its query and the render's number. Paths
     * with {@code /slow/} take 400 ms to answer, with {@code /hung/} 2.5 s; exchanges run side by side.
     */
    private static Upstream startUpstream() {
        return Upstream.start(Executors.newVirtualThreadPerTaskExecutor(), exchange -> {
            var uri = exchange.getRequestURI();
            var path = uri.getPath();
            var render = renders.computeIfAbsent(uri.toString(), p -> new AtomicInteger()).incrementAndGet();
            try {
                Thread.sleep(path.contains("/slow/") ? 400 : path.contains("/hung/") ? 2500 : 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            suggestions.put(uri + " " + render,
                    String.valueOf(exchange.getRequestHeaders().getFirst("X-Onshore-Suggested-Locale")));
            var headers = exchange.getResponseHeaders();
            headers.add("Content-Type", "text/html;charset=UTF-8");
            headers.add("Content-Language", "id-ID");
            headers.add("Cache-Control", "no-cache");
            headers.add("Content-Security-Policy", "default-src 'self'; style-src 'sha256-test'");
            if (!path.endsWith("/plain")) {
                headers.add(EdgePageCache.TARGETED, "max-age=60");
            }
            if (path.endsWith("/cookie")) {
                headers.add("Set-Cookie", "onshore_cart_ID=abc; Path=/; HttpOnly");
            }
            Upstream.answer(exchange, path.endsWith("/missing") ? 404 : 200,
                    "<p>" + uri + " render " + render + "</p>" + "<p>Filler for gzip. </p>".repeat(100));
        });
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The answers to {@code count} requests for {@code path} sent at once. */
    private List<HttpResponse<String>> atOnce(String path, int count) throws Exception {
        var go = new CountDownLatch(1);
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            var answers = new ArrayList<Future<HttpResponse<String>>>();
            for (int i = 0; i < count; i++) {
                answers.add(clients.submit(() -> {
                    go.await();
                    return get(path);
                }));
            }
            go.countDown();
            var responses = new ArrayList<HttpResponse<String>>();
            for (var answer : answers) {
                responses.add(answer.get(30, TimeUnit.SECONDS));
            }
            return responses;
        }
    }

    private static int renders(String uri) {
        var count = renders.get(uri);
        return count == null ? 0 : count.get();
    }

    @Test
    void aSharedPageIsRenderedOnceWithinItsMaxAgeAndAnsweredWithTheUpstreamsHeaders() throws Exception {
        var first = get("/id-id/p/HS-1/shared");
        var second = get("/id-id/p/HS-1/shared");
        var third = get("/id-id/p/HS-1/shared");

        assertThat(renders("/id-id/p/HS-1/shared")).isEqualTo(1);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body()).contains("render 1");
        assertThat(third.body()).isEqualTo(first.body());
        for (var response : java.util.List.of(first, second)) {
            assertThat(response.headers().firstValue(EdgePageCache.TARGETED)).as("never shown to browsers").isEmpty();
            assertThat(response.headers().allValues("Content-Security-Policy"))
                    .containsExactly("default-src 'self'; style-src 'sha256-test'");
            assertThat(response.headers().firstValue("Content-Language")).hasValue("id-ID");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
        // Another query is another page.
        assertThat(get("/id-id/p/HS-1/shared?variant=60").body()).contains("variant=60 render 1");
    }

    @Test
    void aKeptPageGoesOutGzippedToClientsThatAskAndPlainToOthers() throws Exception {
        get("/id-id/c/vitamins/shared");
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/id-id/c/vitamins/shared"))
                .header("Accept-Encoding", "gzip").build();
        var zipped = http.send(request, HttpResponse.BodyHandlers.ofByteArray());

        assertThat(renders("/id-id/c/vitamins/shared")).isEqualTo(1);
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (var unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(new String(unzipped.readAllBytes(), StandardCharsets.UTF_8))
                    .startsWith("<p>/id-id/c/vitamins/shared render 1</p>");
        }
        assertThat(zipped.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).contains("Accept-Encoding"));
        var plain = get("/id-id/c/vitamins/shared");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).startsWith("<p>/id-id/c/vitamins/shared render 1</p>");
    }

    @Test
    void shoppersTheEdgeDecidesDifferentlyForGetPagesOfTheirOwn() throws Exception {
        get("/id-id/p/HS-2/shared", "Accept-Language", "ko-KR");
        get("/id-id/p/HS-2/shared", "Accept-Language", "en-US");
        var again = get("/id-id/p/HS-2/shared", "Accept-Language", "ko-KR");

        // The edge suggests another store to each (its header is part of what the page is rendered from).
        assertThat(suggestions.get("/id-id/p/HS-2/shared 1")).isNotEqualTo(suggestions.get("/id-id/p/HS-2/shared 2"));
        assertThat(renders("/id-id/p/HS-2/shared")).isEqualTo(2);
        assertThat(again.body()).contains("render 1");
    }

    @Test
    void requestsWithAShoppersCookieOrCredentialsAreNeverAnsweredFromTheCache() throws Exception {
        var kept = get("/id-id/p/HS-3/shared").body();

        var withCart = get("/id-id/p/HS-3/shared", "Cookie", "onshore_cart_ID=abc");
        var withSession = get("/id-id/p/HS-3/shared", "Cookie", "KEYCLOAK_SESSION=x");
        var withToken = get("/id-id/p/HS-3/shared", "Authorization", "Bearer not-a-shared-page");

        assertThat(withCart.body()).contains("render 2");
        assertThat(withSession.body()).contains("render 3");
        assertThat(withToken.body()).isNotEqualTo(kept);
        for (var response : java.util.List.of(withCart, withSession, withToken)) {
            assertThat(response.headers().firstValue(EdgePageCache.TARGETED)).as("never shown to browsers").isEmpty();
        }
        // Nor did they replace what anonymous shoppers get.
        assertThat(get("/id-id/p/HS-3/shared").body()).isEqualTo(kept);
    }

    @Test
    void answersThatSetACookieAreUnmarkedOrFailedAreNotKept() throws Exception {
        for (var path : java.util.List.of("/id-id/cookie", "/id-id/plain", "/id-id/missing")) {
            get(path);
            var second = get(path);
            assertThat(renders(path)).as(path).isEqualTo(2);
            assertThat(second.headers().firstValue(EdgePageCache.TARGETED)).as(path).isEmpty();
        }
        assertThat(get("/id-id/cookie").headers().firstValue("Set-Cookie")).isPresent();
    }

    @Test
    void requestsThatMissAPageAnotherRequestIsFetchingGetItsAnswerAndTheUpstreamRendersItOnce() throws Exception {
        var responses = atOnce("/id-id/p/HS-5/slow/shared", 12);

        assertThat(renders("/id-id/p/HS-5/slow/shared")).isEqualTo(1);
        assertThat(responses).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).startsWith("<p>/id-id/p/HS-5/slow/shared render 1</p>");
            assertThat(response.headers().firstValue(EdgePageCache.TARGETED)).isEmpty();
        });
    }

    @Test
    void requestsWaitingForAnAnswerThatIsNotKeptForwardThemselvesAndGetTheirOwn() throws Exception {
        var unmarked = atOnce("/id-id/slow/plain", 6);
        var failed = atOnce("/id-id/slow/missing", 6);
        var withCookie = atOnce("/id-id/slow/cookie", 6);

        assertThat(renders("/id-id/slow/plain")).isEqualTo(6);
        assertThat(unmarked).extracting(HttpResponse::body).doesNotHaveDuplicates();
        assertThat(renders("/id-id/slow/missing")).isEqualTo(6);
        assertThat(failed).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(404));
        // A cookie set for one shopper is never handed to another.
        assertThat(renders("/id-id/slow/cookie")).isEqualTo(6);
        assertThat(withCookie).allSatisfy(response -> assertThat(response.headers().allValues("Set-Cookie")).hasSize(1));
        assertThat(withCookie).extracting(HttpResponse::body).doesNotHaveDuplicates();
    }

    @Test
    void aRequestWaitsForAnotherOnesAnswerNoLongerThanTheCoalesceWaitThenForwardsItself() throws Exception {
        var responses = atOnce("/id-id/p/HS-6/hung/shared", 3);

        // The first request's answer takes 2.5 s; the others stop waiting after 1 s and are rendered themselves.
        assertThat(renders("/id-id/p/HS-6/hung/shared")).isEqualTo(3);
        assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
        assertThat(responses).extracting(HttpResponse::body).doesNotHaveDuplicates();
    }

    @Test
    void aPageIsKeptNoLongerThanTheEdgesMaxAgeWhateverTheUpstreamAllows() throws Exception {
        get("/id-id/p/HS-4/shared");
        var deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        var started = System.nanoTime();
        while (renders("/id-id/p/HS-4/shared") < 2 && System.nanoTime() < deadline) {
            get("/id-id/p/HS-4/shared");
            Thread.sleep(100);
        }
        // Rendered again after the edge's 3 s, not the upstream's 60 s.
        assertThat(renders("/id-id/p/HS-4/shared")).isEqualTo(2);
        assertThat(System.nanoTime() - started).isGreaterThan(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(2500));
    }

    @Test
    void theCacheRunsAfterRateLimitsAndTheWaitingRoomSoAHitIsCountedAndAdmittedLikeAnyRequest() throws Exception {
        var order = AnnotationUtils.findAnnotation(EdgePageCache.class, Order.class).value();
        for (var gate : java.util.List.of("dev.onshore.edge.ratelimit.RateLimits",
                "dev.onshore.edge.waitingroom.WaitingRoom", "dev.onshore.edge.ShopperContextHeaders")) {
            assertThat(order).as(gate).isGreaterThan(AnnotationUtils.findAnnotation(Class.forName(gate), Order.class)
                    .value());
        }
    }
}
