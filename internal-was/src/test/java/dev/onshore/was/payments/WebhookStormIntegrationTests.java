package dev.onshore.was.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.was.ShopTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Providers notify many times, concurrently, and attackers forge: one capture, one {@link PaymentCaptured}, one
 * order paid, and nothing at all for a webhook whose signature, amount or currency is wrong.
 */
class WebhookStormIntegrationTests extends ShopTestSupport {

    private static final String SKU = "HS-MULTI-MEN";

    @Autowired
    JdbcClient jdbc;

    static String event(String eventId, String number, String outcome, String amount, String currency) {
        return """
                {"eventId":"%s","orderReference":"%s","providerReference":"sbx-it","outcome":"%s","amount":"%s",\
                "currency":"%s","occurredAt":"%s"}""".formatted(eventId, number, outcome, amount, currency,
                Instant.now());
    }

    MvcResult send(String body, long timestamp, String secret) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        var signature = "v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body)
                .getBytes(StandardCharsets.UTF_8)));
        return mvc.perform(post("/api/payments/webhooks/sandbox").contentType(MediaType.APPLICATION_JSON)
                .header("Sandbox-Timestamp", Long.toString(timestamp)).header("Sandbox-Signature", signature)
                .content(body)).andReturn();
    }

    MvcResult send(String body) throws Exception {
        return send(body, Instant.now().getEpochSecond(), SANDBOX_SECRET);
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    /** Events published (each once, however many listeners it has: the registry keeps a row per listener). */
    private int publications(String event, String number) {
        return count("SELECT COUNT(DISTINCT serialized_event) FROM EVENT_PUBLICATION WHERE event_type LIKE ? "
                + "AND serialized_event LIKE ?",
                "%." + event, "%" + number + "%");
    }

    @Test
    void aHundredConcurrentDuplicateWebhooksCaptureOnceAndPayTheOrderOnce() throws Exception {
        var placed = order(SKU, 1);
        String number = JsonPath.read(placed, "$.order.number");
        String total = JsonPath.read(placed, "$.order.total.amount");
        var start = new CountDownLatch(1);
        var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
        List<Future<?>> runs = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(100)) {
            for (int i = 0; i < 100; i++) {
                // Half replay one event; the other half are the provider notifying again under new ids.
                var body = event(i % 2 == 0 ? "evt-storm-" + number : "evt-storm-" + number + "-" + i, number,
                        "CAPTURED", total, "IDR");
                runs.add(pool.submit(() -> {
                    start.await();
                    statuses.computeIfAbsent(send(body).getResponse().getStatus(), status -> new AtomicInteger())
                            .incrementAndGet();
                    return null;
                }));
            }
            start.countDown();
            for (var run : runs) {
                run.get();
            }
        }
        assertThat(statuses.keySet()).containsOnly(200);
        assertThat(count("SELECT COUNT(*) FROM payment_webhook_event WHERE order_number = ?", number))
                .isEqualTo(51);
        assertThat(count("SELECT COUNT(*) FROM payment WHERE order_number = ? AND state = 'CAPTURED'", number))
                .isEqualTo(1);
        await("the order to be paid", () -> count("SELECT COUNT(*) FROM shop_order WHERE number = ? AND status = "
                + "'PAID'", number) == 1);
        Thread.sleep(500); // any second reaction would have happened by now
        assertThat(publications("PaymentCaptured", number)).isEqualTo(1);
        assertThat(publications("OrderPaid", number)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM shop_order_history h JOIN shop_order o ON o.id = h.order_id "
                + "WHERE o.number = ? AND h.status = 'PAID'", number)).isEqualTo(1);
    }

    @Test
    void aWrongSignatureAmountCurrencyOrAgeChangesNothing() throws Exception {
        var placed = order(SKU, 1);
        String number = JsonPath.read(placed, "$.order.number");
        String total = JsonPath.read(placed, "$.order.total.amount");

        var forged = send(event("evt-forged-" + number, number, "CAPTURED", total, "IDR"),
                Instant.now().getEpochSecond(), "guessed-secret");
        assertThat(forged.getResponse().getStatus()).isEqualTo(401);
        assertThat(forged.getResponse().getContentType()).startsWith("application/problem+json");
        var tooLittle = send(event("evt-little-" + number, number, "CAPTURED", "1", "IDR"));
        assertThat(tooLittle.getResponse().getStatus()).isEqualTo(422);
        assertThat(JsonPath.<String>read(tooLittle.getResponse().getContentAsString(), "$.type"))
                .endsWith("/payment-mismatch");
        assertThat(send(event("evt-usd-" + number, number, "CAPTURED", total, "USD")).getResponse().getStatus())
                .isEqualTo(422);
        var old = Instant.now().minus(Duration.ofHours(1)).getEpochSecond();
        assertThat(send(event("evt-old-" + number, number, "CAPTURED", total, "IDR"), old, SANDBOX_SECRET)
                .getResponse().getStatus()).isEqualTo(401);
        assertThat(send(event("evt-none", "ON000000-NOTHING0", "CAPTURED", total, "IDR")).getResponse()
                .getStatus()).isEqualTo(422);
        assertThat(send("{not json", Instant.now().getEpochSecond(), SANDBOX_SECRET).getResponse().getStatus())
                .isEqualTo(401);
        assertThat(mvc.perform(post("/api/payments/webhooks/nobody").content("{}")).andReturn().getResponse()
                .getStatus()).isEqualTo(404);

        assertThat(count("SELECT COUNT(*) FROM payment_webhook_event WHERE order_number = ?", number)).isZero();
        assertThat(count("SELECT COUNT(*) FROM payment WHERE order_number = ? AND state = 'STARTED'", number))
                .isEqualTo(1);
        assertThat(publications("PaymentCaptured", number)).isZero();

        // The refused event ids were not burnt: the genuine notification still counts.
        assertThat(send(event("evt-little-" + number, number, "CAPTURED", total, "IDR")).getResponse().getStatus())
                .isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM payment WHERE order_number = ? AND state = 'CAPTURED'", number))
                .isEqualTo(1);
    }
}
