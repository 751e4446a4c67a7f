package dev.onshore.edge.redis;

import dev.onshore.edge.DmzApiApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** One dmz-api node on a random port, as its own Spring context (so a test can run two and restart one). */
public final class Gateway implements AutoCloseable {

    private final Map<String, Object> properties;
    private ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private Gateway(Map<String, Object> properties) {
        this.properties = properties;
    }

    /** Starts a node against {@code redis} and an upstream at {@code upstreamUrl}, with extra properties. */
    public static Gateway start(RedisProcess redis, String upstreamUrl, Map<String, Object> extra) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("server.port", "0");
        properties.put("spring.data.redis.port", redis.port());
        properties.put("spring.data.redis.password", RedisProcess.PASSWORD);
        properties.put("spring.data.redis.down-for", "200ms");
        properties.put("onshore.gateway.internal-was-url", upstreamUrl);
        properties.put("onshore.gateway.keycloak-url", upstreamUrl);
        properties.put("management.server.port", "-1");
        properties.putAll(extra);
        var gateway = new Gateway(properties);
        gateway.startAgain();
        return gateway;
    }

    public void startAgain() {
        // As command-line arguments: they outrank application.yml (default properties would not).
        var arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        context = new SpringApplicationBuilder(DmzApiApplication.class).run(arguments);
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** GET with headers given as name, value, name, value... */
    public HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, headers);
    }

    public HttpResponse<String> send(String method, String path, String... headers) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
    }
}
