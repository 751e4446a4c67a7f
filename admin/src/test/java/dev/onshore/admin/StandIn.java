package dev.onshore.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An in-process stand-in of the internal WAS's admin API and of the operators realm's token endpoint (client
 * credentials), for screen tests: the test says what the admin API answers under {@code path}; the token endpoint
 * always issues a stand-in service token.
 */
public final class StandIn {

    private final HttpServer server;

    private StandIn(HttpServer server) {
        this.server = server;
    }

    /** Starts a stand-in answering {@code path} (and below) with {@code api}. */
    public static StandIn start(String path, HttpHandler api) {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/realms/operators/protocol/openid-connect/token", exchange -> respond(exchange, 200,
                    "application/json", "{\"access_token\":\"stand-in-token\",\"token_type\":\"Bearer\",\"expires_in\":300}"));
            server.createContext(path, api);
            server.start();
            return new StandIn(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the admin app's internal WAS and Keycloak at this stand-in. */
    public void register(DynamicPropertyRegistry registry) {
        var url = "http://127.0.0.1:" + server.getAddress().getPort();
        registry.add("onshore.admin.internal-was-url", () -> url);
        registry.add("onshore.admin.keycloak-url", () -> url);
    }

    public void stop() {
        server.stop(0);
    }

    public static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
