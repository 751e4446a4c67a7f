package dev.onshore.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An in-process stand-in of the internal WAS's admin API and of the operators realm's token endpoint (client
 * credentials), for screen tests. It records every call to the API; it answers a call with the answer the test
 * gave for its method and path ({@link #answer}), else with what the class's {@link Api} says. Registered as an
 * extension ({@code @RegisterExtension static final StandIn WAS = StandIn.start(...)}, with the answers every test
 * of the class starts from chained on by {@link #answering}), it forgets the calls and the tests' own answers before
 * each test and stops after the class; the token endpoint always issues a stand-in token.
 */
public final class StandIn implements BeforeEachCallback, AfterAllCallback {

    /**
     * One call the admin app made to the API; {@code body} is read as UTF-8 ({@code bytes} is it as sent, for an
     * upload), {@code language} is its Accept-Language (the WAS answers in it).
     */
    public record Call(String method, String uri, String path, @Nullable String authorization,
            @Nullable String operator, @Nullable String roles, String body, @Nullable String language,
            byte[] bytes, @Nullable String contentType) {
    }

    /** An answer: a status under 400 is sent as JSON, any other as a problem. */
    public record Answer(int status, String body) {

        public static Answer json(String body) {
            return new Answer(200, body);
        }

        /** The API's answer to a call it has nothing for: a bare 404 problem. */
        public static Answer unknown() {
            return new Answer(404, "{\"status\":404,\"detail\":\"unknown\"}");
        }
    }

    /** What the API answers to a call the test gave no answer for. */
    @FunctionalInterface
    public interface Api {
        Answer answer(Call call);
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, Answer> standing = new ConcurrentHashMap<>();

    private StandIn(HttpServer server) {
        this.server = server;
    }

    /** Starts a stand-in answering {@code path} (and below) with {@code api}. */
    public static StandIn start(String path, Api api) {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            var standIn = new StandIn(server);
            server.createContext("/realms/operators/protocol/openid-connect/token", exchange -> respond(exchange,
                    new Answer(200, "{\"access_token\":\"stand-in-token\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
            server.createContext(path, exchange -> {
                var headers = exchange.getRequestHeaders();
                var bytes = exchange.getRequestBody().readAllBytes();
                var call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        exchange.getRequestURI().getPath(), headers.getFirst("Authorization"),
                        headers.getFirst("X-Onshore-Operator"), headers.getFirst("X-Onshore-Operator-Roles"),
                        new String(bytes, StandardCharsets.UTF_8), headers.getFirst("Accept-Language"), bytes,
                        headers.getFirst("Content-Type"));
                standIn.calls.add(call);
                var answer = standIn.answers.get(call.method() + " " + call.path());
                respond(exchange, answer != null ? answer : api.answer(call));
            });
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From now on, answers {@code METHOD path} (e.g. {@code GET /api/admin/orders}) with {@code status} and body. */
    public void answer(String methodAndPath, int status, String body) {
        answers.put(methodAndPath, new Answer(status, body));
    }

    /**
     * Answers {@code METHOD path} with {@code status} and body at the start of every test of the class (a test may
     * answer it otherwise with {@link #answer}); for the extension field's initializer.
     */
    public StandIn answering(String methodAndPath, int status, String body) {
        standing.put(methodAndPath, new Answer(status, body));
        return this;
    }

    /** The calls the API received since the test began, oldest first. */
    public List<Call> calls() {
        return calls;
    }

    /** The calls made with {@code method}, oldest first. */
    public List<Call> calls(String method) {
        return calls.stream().filter(call -> call.method().equals(method)).toList();
    }

    /** Points the admin app's internal WAS and Keycloak at this stand-in. */
    public void register(DynamicPropertyRegistry registry) {
        var url = "http://127.0.0.1:" + server.getAddress().getPort();
        registry.add("onshore.admin.internal-was-url", () -> url);
        registry.add("onshore.admin.keycloak-url", () -> url);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        calls.clear();
        answers.clear();
        answers.putAll(standing);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stop(0);
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        var bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type",
                answer.status() >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(answer.status(), answer.status() == 204 ? -1 : bytes.length);
        if (answer.status() != 204) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
