package dev.onshore.was.checkout.web;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Clock;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key} semantics (RELIABILITY.md, after Stripe and the IETF draft), kept in MariaDB so that
 * every node sees them: the first request with a key claims it (a unique key: a concurrent twin sees it claimed);
 * its response is stored and replayed to every retry with the same body; the same key with another body is a 422;
 * while the first still runs, a 409. Keys are kept {@link #KEPT}.
 */
@Component
class IdempotencyKeys {

    static final Duration KEPT = Duration.ofHours(48);
    static final int MAX_KEY_LENGTH = 255;

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Claims the key for this request, or says why not (a stored response to replay, a mismatch, a run). */
    Claim claim(String scope, String key, String requestHash) {
        try {
            jdbc.sql("""
                    INSERT INTO idempotency_key (scope, idem_key, request_hash, state, created_at)
                    VALUES (?, ?, ?, 'RUNNING', ?)""").params(scope, key, requestHash, Timestamp.from(clock.instant()))
                    .update();
            return new Claim(Claim.Kind.CLAIMED, null);
        } catch (DuplicateKeyException e) {
            var stored = jdbc.sql("""
                    SELECT request_hash, state, response_status, response_type, response_body FROM idempotency_key
                    WHERE scope = ? AND idem_key = ?""").params(scope, key)
                    .query((rs, row) -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5)}).optional();
            if (stored.isEmpty()) {
                return claim(scope, key, requestHash); // forgotten meanwhile (the first run failed): try again
            }
            var row = stored.get();
            if (!row[0].equals(requestHash)) {
                return new Claim(Claim.Kind.MISMATCH, null);
            }
            if ("RUNNING".equals(row[1])) {
                return new Claim(Claim.Kind.RUNNING, null);
            }
            return new Claim(Claim.Kind.REPLAY, new Stored((Integer) row[2], (String) row[3], (String) row[4]));
        }
    }

    void complete(String scope, String key, Stored response) {
        jdbc.sql("""
                UPDATE idempotency_key SET state = 'DONE', response_status = ?, response_type = ?, response_body = ?
                WHERE scope = ? AND idem_key = ?""").params(response.status(), response.contentType(),
                response.body(), scope, key).update();
    }

    /** Drops a key whose request failed unexpectedly, so that a retry runs again. */
    void forget(String scope, String key) {
        jdbc.sql("DELETE FROM idempotency_key WHERE scope = ? AND idem_key = ? AND state = 'RUNNING'")
                .params(scope, key).update();
    }

    @Scheduled(fixedDelayString = "${onshore.checkout.idempotency-purge-every:PT1H}")
    void purge() {
        jdbc.sql("DELETE FROM idempotency_key WHERE created_at < ?")
                .param(Timestamp.from(clock.instant().minus(KEPT))).update();
    }

    /** A response as first sent. */
    record Stored(int status, String contentType, String body) {
    }

    /** The outcome of claiming a key. */
    record Claim(Kind kind, @org.jspecify.annotations.Nullable Stored response) {

        enum Kind {
            CLAIMED, REPLAY, MISMATCH, RUNNING
        }

        Optional<Stored> replay() {
            return Optional.ofNullable(response);
        }
    }
}
