package dev.onshore.was.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.was.ShopTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Refusals the framework answers (a form's missing CSRF token, a method a page does not take, a request the server
 * cannot read) as a real browser meets them, over HTTP: the storefront's localized page in the locale of the path,
 * with the header, the search and a way home, never the framework's bare error page; problem details on the store API.
 */
class StorefrontErrorPagesIntegrationTests extends ShopTestSupport {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
                .header("Accept-Language", "en-US").build(), BodyHandlers.ofString());
    }

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    @Test
    void aStorefrontFormPostedWithoutItsCsrfTokenGetsTheLocalized403Page() throws Exception {
        var refused = send(to("/id-id/cart/update").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("sku=HS-VITC-1000&quantity=1")));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(refused.body()).doesNotContain("Whitelabel").contains("<html lang=\"id-ID\">")
                .contains("Akses ditolak").contains("action=\"/id-id/search\"").contains("href=\"/id-id/\"");

        var korean = send(to("/ko-kr/account/profile").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("_csrf=forged")));
        assertThat(korean.statusCode()).isEqualTo(403);
        assertThat(korean.body()).doesNotContain("Whitelabel").contains("<html lang=\"ko-KR\">")
                .contains("접근이 거부되었습니다").contains("href=\"/ko-kr/\"");
    }

    @Test
    void aMethodAStorefrontPageDoesNotTakeGetsTheLocalized405Page() throws Exception {
        var cookies = new LinkedHashMap<String, String>();
        var added = send(to("/id-id/cart/add").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("sku=HS-COLLAGEN-TAB&quantity=1")));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        keep(added, cookies);
        var cart = send(to("/id-id/cart").header("Cookie", cookie(cookies)).GET());
        keep(cart, cookies);
        var token = CSRF.matcher(cart.body());
        assertThat(token.find()).as("the cart page's CSRF token: " + cart.body()).isTrue();

        var refused = send(to("/id-id/cart").header("Cookie", cookie(cookies)).header("X-XSRF-TOKEN", token.group(1))
                .PUT(BodyPublishers.noBody()));
        assertThat(refused.statusCode()).isEqualTo(405);
        assertThat(refused.headers().firstValue("Allow")).isPresent();
        assertThat(refused.body()).doesNotContain("Whitelabel").contains("<html lang=\"id-ID\">")
                .contains("Halaman ini tidak dapat melakukan itu").contains("action=\"/id-id/search\"")
                .contains("href=\"/id-id/\"");
    }

    @Test
    void aStorefrontRequestTheServerCannotReadGetsTheLocalized400Page() throws Exception {
        var refused = raw("GET /zh-cn/search?q=%ZZ HTTP/1.1");
        assertThat(refused).startsWith("HTTP/1.1 400").contains("Content-Type: text/html").doesNotContain("Whitelabel").contains("<html lang=\"zh-CN\">")
                .contains("无法读取该请求").contains("href=\"/zh-cn/\"");
    }

    @Test
    void theStoreApiAnswersTheSameRefusalsWithProblemDetails() throws Exception {
        var wrongMethod = send(to("/api/shop/v1/markets").DELETE());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(wrongMethod.body()).contains("\"status\":405").doesNotContain("Whitelabel");

        var unreadable = raw("GET /api/shop/v1/search?q=%ZZ HTTP/1.1");
        assertThat(unreadable).startsWith("HTTP/1.1 400").contains("Content-Type: application/problem+json").contains("\"status\":400").contains("\"type\":\"https://onshore.dev/problems/")
                .doesNotContain("Whitelabel");

        var denied = send(to("/api/shop/v1/account").header("Authorization", "Bearer not-a-token").GET());
        assertThat(denied.statusCode()).isEqualTo(401);
        assertThat(denied.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    /** A request a client library refuses to send (a malformed escape), as bytes on the wire; the whole answer. */
    private String raw(String requestLine) throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestLine + "\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n"
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static void keep(HttpResponse<String> response, Map<String, String> cookies) {
        for (var header : response.headers().allValues("Set-Cookie")) {
            var pair = header.split(";", 2)[0].split("=", 2);
            cookies.put(pair[0], pair[1]);
        }
    }

    private static String cookie(Map<String, String> cookies) {
        return cookies.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("; "));
    }
}
