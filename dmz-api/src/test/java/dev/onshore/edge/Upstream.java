package dev.onshore.edge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An in-process stand-in for internal-was and Keycloak: the JDK's HTTP server on a free loopback port, answering
 * with the handler a test gives it. Stopped by the test that started it ({@link #close()}).
 */
public final class Upstream implements AutoCloseable {

    private final HttpServer server;

    private Upstream(HttpServer server) {
        this.server = server;
    }

    public static Upstream start(HttpHandler handler) {
        return start(null, handler);
    }

    /** An upstream whose exchanges run on {@code executor} (the server's own thread when null). */
    public static Upstream start(@Nullable Executor executor, HttpHandler handler) {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(executor);
            server.createContext("/", handler);
            server.start();
            return new Upstream(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:port}, never with a trailing slash. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Routes the gateway of a {@code @SpringBootTest} here, for internal-was and Keycloak alike. */
    public void route(DynamicPropertyRegistry registry) {
        registry.add("onshore.gateway.internal-was-url", this::url);
        registry.add("onshore.gateway.keycloak-url", this::url);
    }

    /** The request's headers by lower-case name, the values of a repeated one joined with commas. */
    public static Map<String, String> headers(HttpExchange exchange) {
        var headers = new HashMap<String, String>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        return headers;
    }

    /** Answers {@code body} in UTF-8 (no body at all when it is empty) and closes the exchange. */
    public static void answer(HttpExchange exchange, int status, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
