package dev.onshore.was.payments.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Sends the sandbox's webhooks the way a provider does: later (after the configured delay), over HTTP, retried
 * with a doubling backoff until a 2xx answer or the last attempt. A 4xx other than 408/409/429 is final.
 */
@Component
class SandboxWebhookSender {

    private static final Logger log = LoggerFactory.getLogger(SandboxWebhookSender.class);

    private final SandboxProperties properties;
    private final Environment environment;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SandboxWebhookSender(SandboxProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** Sends in the background; returns at once. */
    Thread send(SandboxGateway.SignedWebhook webhook) {
        return Thread.ofVirtual().name("sandbox-webhook").start(() -> deliver(webhook));
    }

    boolean deliver(SandboxGateway.SignedWebhook webhook) {
        var target = target();
        var backoff = properties.retryBackoff();
        try {
            Thread.sleep(properties.webhookDelay());
            for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
                try {
                    var response = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .header(SandboxSignatures.TIMESTAMP_HEADER, Long.toString(webhook.timestamp()))
                            .header(SandboxSignatures.SIGNATURE_HEADER, webhook.signature())
                            .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body())).build(),
                            HttpResponse.BodyHandlers.discarding());
                    int status = response.statusCode();
                    if (status / 100 == 2) {
                        return true;
                    }
                    if (status / 100 == 4 && status != 408 && status != 409 && status != 429) {
                        log.warn("The sandbox webhook to {} was refused with {}", target, status);
                        return false;
                    }
                    log.info("Sandbox webhook attempt {} answered {}", attempt, status);
                } catch (IOException e) {
                    log.info("Sandbox webhook attempt {} failed: {}", attempt, e.toString());
                }
                Thread.sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.warn("The sandbox webhook to {} was not delivered", target);
        return false;
    }

    /**
     * The configured webhook URL, or this node's own endpoint at the address it listens on: a node bound to one
     * address ({@code server.address}, as every WAS of the lab and the appliance is) has nothing on 127.0.0.1, and
     * every webhook went nowhere (the lab's paid orders never reached PAID).
     */
    URI target() {
        if (properties.webhookUrl() != null) {
            return properties.webhookUrl();
        }
        var port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8081"));
        var address = environment.getProperty("server.address", "");
        var host = switch (address.strip()) {
            case "", "0.0.0.0", "::", "[::]" -> "127.0.0.1";
            case String bound when bound.contains(":") && !bound.startsWith("[") -> "[" + bound + "]";
            case String bound -> bound;
        };
        return URI.create("http://" + host + ":" + port + "/api/payments/webhooks/" + SandboxGateway.PROVIDER);
    }
}
