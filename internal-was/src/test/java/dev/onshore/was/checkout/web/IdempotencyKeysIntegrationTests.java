package dev.onshore.was.checkout.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.was.LeaseTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Idempotency keys are kept {@link IdempotencyKeys#KEPT} on the application's clock, then forgotten; a key whose run
 * stopped answering (its node died) is taken over after its lease (30 s) and yields the one order, never a second.
 */
class IdempotencyKeysIntegrationTests extends LeaseTestSupport {

    private static final String SCOPE = "clock-test";
    private static final String SKU = "HS-CALMAG-D";

    @Autowired
    IdempotencyKeys keys;

    @Test
    void aKeyExpiresWhenTheApplicationsClockPassesItsKeepingTime() {
        var key = UUID.randomUUID().toString();
        try {
            var claim = keys.claim(SCOPE, key, "first body");
            assertThat(claim.kind()).isEqualTo(IdempotencyKeys.Claim.Kind.CLAIMED);
            keys.complete(claim.hold(), new IdempotencyKeys.Stored(201, "application/json", "{}"));

            clock.advance(IdempotencyKeys.KEPT.minus(Duration.ofMinutes(1)));
            keys.purge();
            assertThat(keys.claim(SCOPE, key, "second body").kind())
                    .isEqualTo(IdempotencyKeys.Claim.Kind.MISMATCH);

            clock.advance(Duration.ofMinutes(2));
            keys.purge();
            var again = keys.claim(SCOPE, key, "second body");
            assertThat(again.kind()).isEqualTo(IdempotencyKeys.Claim.Kind.CLAIMED);
            keys.forget(again.hold());
        } finally {
            clock.set(Instant.now());
        }
    }

    /** The node took the key and died before its order committed: after the lease a retry places the order. */
    @Test
    void aKeyWhoseRunDiedBeforeTheOrderCommittedRunsAgainAfterItsLease() throws Exception {
        var purchase = purchase("died-before");
        var token = purchase.token();
        var email = purchase.email();
        var body = purchase.body();
        var key = purchase.key();
        try {
            var dead = keys.claim(purchase.scope(), key, IdempotentResponses.sha256(body));
            assertThat(dead.kind()).isEqualTo(IdempotencyKeys.Claim.Kind.CLAIMED);

            assertProblem(placeOrder(token, key, body), 409, "/idempotency-key/running");
            clock.advance(PAST_THE_LEASE);
            var retried = placeOrder(token, key, body);
            assertStatus(retried, 201);
            assertThat(retried.getResponse().getHeader(IdempotentResponses.REPLAYED)).isNull();
            assertThat(ordersTo(email)).isEqualTo(1);

            // The dead run cannot record an order any more: its transaction would roll back.
            assertThatThrownBy(() -> keys.record(dead.hold(), "ON-NEVER", null))
                    .isInstanceOf(IdempotencyException.class);
            var replay = placeOrder(token, key, body);
            assertStatus(replay, 201);
            assertThat(replay.getResponse().getContentAsString())
                    .isEqualTo(retried.getResponse().getContentAsString());
        } finally {
            clock.set(Instant.now());
        }
    }

    /**
     * The first run placed its order and then stopped answering (here: it waits on the payment table, locked by
     * the test, past its lease; a kill -9 leaves the key the same way). A retry takes the key over and answers with
     * that order, its payment started; the first run, released, answers the same order; one order in all.
     */
    @Test
    void aKeyWhoseRunStoppedAfterTheOrderCommittedAnswersWithThatOrder() throws Exception {
        var purchase = purchase("died-after");
        var token = purchase.token();
        var email = purchase.email();
        var body = purchase.body();
        var key = purchase.key();
        var scope = purchase.scope();
        try (var lock = dataSource.getConnection(); var statement = lock.createStatement()) {
            statement.execute("LOCK TABLES payment WRITE");
            CompletableFuture<MvcResult> first;
            CompletableFuture<MvcResult> second;
            try {
                first = placing(token, key, body);
                await("the first run's order to commit", () -> "EFFECTED".equals(column("state", scope, key)));
                assertProblem(placeOrder(token, key, body), 409, "/idempotency-key/running");
                var claimedBy = column("claim_token", scope, key);
                clock.advance(PAST_THE_LEASE);
                second = placing(token, key, body);
                await("the retry to take the key over", () -> !claimedBy.equals(column("claim_token", scope, key)));
            } finally {
                statement.execute("UNLOCK TABLES");
            }
            var retried = second.get(30, TimeUnit.SECONDS);
            assertStatus(retried, 201);
            assertThat(retried.getResponse().getHeader(IdempotentResponses.REPLAYED)).isEqualTo("true");
            var original = first.get(30, TimeUnit.SECONDS);
            assertStatus(original, 201);
            String number = JsonPath.read(retried.getResponse().getContentAsString(), "$.order.number");
            assertThat((String) JsonPath.read(original.getResponse().getContentAsString(), "$.order.number"))
                    .isEqualTo(number);
            assertThat((String) JsonPath.read(retried.getResponse().getContentAsString(), "$.paymentUrl"))
                    .isEqualTo(JsonPath.read(original.getResponse().getContentAsString(), "$.paymentUrl"));
            assertThat((String) JsonPath.read(retried.getResponse().getContentAsString(), "$.accessToken"))
                    .isEqualTo(JsonPath.read(original.getResponse().getContentAsString(), "$.accessToken"));
            assertThat(ordersTo(email)).isEqualTo(1);
            assertThat(column("state", scope, key)).isEqualTo("DONE");
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM idempotency_key WHERE scope = ? AND idem_key = ? AND effect_secret IS NOT NULL""")
                    .params(scope, key).query(Long.class).single()).isZero();
            String accessToken = JsonPath.read(retried.getResponse().getContentAsString(), "$.accessToken");
            assertThat(jdbc.sql("SELECT response_body FROM idempotency_key WHERE scope = ? AND idem_key = ?")
                    .params(scope, key).query(String.class).single())
                    .as("the kept answer holds the guest's order token: encrypted at rest")
                    .startsWith("pii1:").doesNotContain(accessToken).doesNotContain(number);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM payment WHERE order_number = ?").param(number)
                    .query(Long.class).single()).isEqualTo(1);
        } finally {
            clock.set(Instant.now());
        }
    }

    /** A guest's cart with one line, a checkout body to an address of its own, a new key and the key's scope. */
    private Purchase purchase(String name) throws Exception {
        var token = cart("ID");
        assertStatus(add(token, SKU, 1), 200);
        var email = name + "-" + UUID.randomUUID() + "@example.com";
        return new Purchase(token, email, checkout("ID").replace("ani@example.com", email),
                UUID.randomUUID().toString(), "orders:cart:" + IdempotentResponses.sha256(token));
    }

    private record Purchase(String token, String email, String body, String key, String scope) {
    }

    private String column(String name, String scope, String key) {
        return jdbc.sql("SELECT " + name + " FROM idempotency_key WHERE scope = ? AND idem_key = ?")
                .params(scope, key).query(String.class).optional().orElse("none");
    }

    private CompletableFuture<MvcResult> placing(String token, String key, String body) {
        return meanwhile(() -> placeOrder(token, key, body));
    }

    private static void assertProblem(MvcResult result, int status, String type) throws Exception {
        assertStatus(result, status);
        assertThat((String) JsonPath.read(result.getResponse().getContentAsString(), "$.type")).endsWith(type);
    }
}
