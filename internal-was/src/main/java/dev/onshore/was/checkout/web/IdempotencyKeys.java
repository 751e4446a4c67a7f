package dev.onshore.was.checkout.web;

import dev.onshore.was.idempotency.LeasedClaims;
import dev.onshore.was.pii.PiiAttributeConverter;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key} semantics (RELIABILITY.md, after Stripe and the IETF draft), kept in MariaDB so that
 * every node sees them: the first request with a key claims it (a unique key: a concurrent twin sees it claimed);
 * its response is stored and replayed to every retry with the same body; the same key with another body is a 422;
 * while the first still runs, a 409. Keys are kept {@link #KEPT}.
 * <p>
 * A claim is a {@link Hold}: a token and a lease ({@link LeasedClaims}, the same rules as the storefront's form
 * tokens). When the node holding a key dies, a retry after the lease takes the key over with a new token. What the first run did is known because an action records its effect ({@link #record})
 * in the effect's own transaction, fenced by the token: a key still {@code RUNNING} committed nothing and is run
 * again; an {@code EFFECTED} key names what was done and is finished from it. A run whose key was taken over cannot
 * record (its transaction rolls back), so two runs never both take effect.
 */
@Component
class IdempotencyKeys {

    static final Duration KEPT = Duration.ofHours(48);
    static final int MAX_KEY_LENGTH = 255;

    private static final LeasedClaims.Table TABLE = new LeasedClaims.Table("idempotency_key",
            List.of("scope", "idem_key"));

    private final JdbcClient jdbc;
    private final LeasedClaims claims;
    private final PiiAttributeConverter sealed;

    IdempotencyKeys(JdbcClient jdbc, LeasedClaims claims, PiiAttributeConverter sealed) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.sealed = sealed;
    }

    /** Claims the key for this request, or says why not (a stored response to replay, a mismatch, a run). */
    Claim claim(String scope, String key, String requestHash) {
        var token = claims.claim(TABLE, List.of(scope, key), Map.of("request_hash", requestHash));
        if (token != null) {
            return new Claim(Claim.Kind.CLAIMED, null, new Hold(scope, key, token), null);
        }
        var stored = jdbc.sql("""
                SELECT request_hash, state, response_status, response_type, response_body, claim_token,
                  lease_until, effect_ref, effect_secret
                FROM idempotency_key WHERE scope = ? AND idem_key = ?""").params(scope, key)
                .query((rs, row) -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7), rs.getString(8), rs.getString(9)))
                .optional();
        if (stored.isEmpty()) {
            return claim(scope, key, requestHash); // forgotten meanwhile (the first run failed): try again
        }
        var row = stored.get();
        if (!row.requestHash().equals(requestHash)) {
            return new Claim(Claim.Kind.MISMATCH, null, null, null);
        }
        if ("DONE".equals(row.state())) {
            var body = java.util.Objects.requireNonNull(row.body());
            return new Claim(Claim.Kind.REPLAY, new Stored(row.status(), java.util.Objects.requireNonNull(row.type()),
                    PiiAttributeConverter.isEncrypted(body) ? sealed.convertToEntityAttribute(body) : body), null,
                    null);
        }
        if (!claims.expired(row.token(), row.leaseUntil())) {
            return new Claim(Claim.Kind.RUNNING, null, null, null);
        }
        // The node that held it is gone (or far too slow): take it over, unless another retry just did.
        var taken = claims.takeOver(TABLE, List.of(scope, key), row.state(), row.token());
        if (taken == null) {
            return claim(scope, key, requestHash);
        }
        var hold = new Hold(scope, key, taken);
        if ("EFFECTED".equals(row.state()) && row.effectRef() != null) {
            return new Claim(Claim.Kind.RESUME, null, hold, new Effect(row.effectRef(), row.effectSecret()));
        }
        return new Claim(Claim.Kind.CLAIMED, null, hold, null);
    }

    /**
     * Records what the run did, in the transaction that does it: call it last in that transaction. Refused (an
     * {@link IdempotencyException} of kind {@code running}, which rolls the transaction back) when the key was taken
     * over meanwhile.
     *
     * @param ref what was made (an order's number)
     * @param secret what answering again needs and must not be kept in clear, already encrypted; null for nothing
     */
    void record(Hold hold, String ref, @Nullable String secret) {
        var effect = new HashMap<String, @Nullable Object>();
        effect.put("effect_ref", ref);
        effect.put("effect_secret", secret);
        if (!claims.record(TABLE, List.of(hold.scope(), hold.key()), hold.token(), effect)) {
            throw new IdempotencyException("running");
        }
    }

    /**
     * Keeps the answer for retries, encrypted like personal data (it may hold a guest's order token, a return's note);
     * a run whose key was taken over keeps nothing (the other run answers).
     */
    void complete(Hold hold, Stored response) {
        jdbc.sql("""
                UPDATE idempotency_key SET state = 'DONE', response_status = ?, response_type = ?, response_body = ?,
                  effect_secret = NULL
                WHERE scope = ? AND idem_key = ? AND claim_token = ?""").params(response.status(),
                response.contentType(), sealed.convertToDatabaseColumn(response.body()), hold.scope(), hold.key(),
                hold.token()).update();
    }

    /** Drops a key whose request failed unexpectedly, so that a retry runs again. */
    void forget(Hold hold) {
        claims.release(TABLE, List.of(hold.scope(), hold.key()), hold.token());
    }

    @Scheduled(fixedDelayString = "${onshore.checkout.idempotency-purge-every:PT1H}")
    void purge() {
        claims.purge(TABLE, KEPT);
    }

    private record Row(String requestHash, String state, int status, @Nullable String type, @Nullable String body,
            @Nullable String token, @Nullable Timestamp leaseUntil, @Nullable String effectRef, @Nullable String effectSecret) {
    }

    /** A response as first sent. */
    record Stored(int status, String contentType, String body) {
    }

    /** This run's hold on a key: its token fences what the run records and keeps. */
    record Hold(String scope, String key, String token) {
    }

    /** What a run whose node died recorded having done ({@link #record}). */
    record Effect(String ref, @Nullable String secret) {
    }

    /** The outcome of claiming a key. */
    record Claim(Kind kind, @Nullable Stored response, @Nullable Hold hold, @Nullable Effect effect) {

        enum Kind {
            /** This request runs the action. */
            CLAIMED,
            /** Answer what was stored. */
            REPLAY,
            /** The same key came with another body. */
            MISMATCH,
            /** Another run holds the key. */
            RUNNING,
            /** A run that died took effect: finish it and answer from {@link #effect}. */
            RESUME
        }

        Optional<Stored> replay() {
            return Optional.ofNullable(response);
        }
    }
}
