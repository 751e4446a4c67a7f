package dev.onshore.was.checkout.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a request that changes something once per {@code Idempotency-Key} ({@link IdempotencyKeys}): placing an
 * order, asking for a return or an exchange. The body is read only after the key is claimed, as raw bytes: the same
 * key with the same bytes replays the first answer (success or a 4xx problem), byte for byte; a 5xx is not kept, so
 * a retry runs again.
 */
@Component
class IdempotentResponses {

    /** Says that the answer is not this request's doing but an earlier one's with the same key. */
    static final String REPLAYED = "Idempotent-Replayed";

    private final IdempotencyKeys keys;
    private final ShopProblems problems;
    private final JsonMapper json;

    IdempotentResponses(IdempotencyKeys keys, ShopProblems problems, JsonMapper json) {
        this.keys = keys;
        this.problems = problems;
        this.json = json;
    }

    /** The key as sent, or an idempotency-key problem when it is missing or too long. */
    static String require(@Nullable String key) {
        if (key == null || key.isBlank() || key.length() > IdempotencyKeys.MAX_KEY_LENGTH) {
            throw new IdempotencyException("missing");
        }
        return key;
    }

    /**
     * Runs {@code action} once per key in the scope.
     *
     * @param action reads the body and does the work; its answer is written as JSON with status {@code success}
     * @param location the Location of a successful answer from its JSON, null for none
     */
    ResponseEntity<String> once(String scope, String key, byte[] body, Locale locale, HttpStatus success,
            Function<byte[], Object> action, Function<String, @Nullable URI> location) {
        return once(scope, key, body, locale, success, (bytes, hold) -> action.apply(bytes), null, location);
    }

    /**
     * Runs {@code action} once per key in the scope, for an action that records its effect ({@link
     * IdempotencyKeys#record}) in its own transaction: when the node of the first run died after that, a retry gets
     * the answer {@code resumption} makes from the recorded effect instead of a second effect.
     */
    ResponseEntity<String> once(String scope, String key, byte[] body, Locale locale, HttpStatus success,
            Action action, @Nullable Resumption resumption, Function<String, @Nullable URI> location) {
        var claim = keys.claim(scope, key, sha256(body));
        var replayed = false;
        switch (claim.kind()) {
            case MISMATCH -> throw new IdempotencyException("mismatch");
            case RUNNING -> throw new IdempotencyException("running");
            case REPLAY -> {
                var stored = claim.replay().orElseThrow();
                return ResponseEntity.status(stored.status()).contentType(MediaType.parseMediaType(stored.contentType()))
                        .cacheControl(CacheControl.noStore()).header(REPLAYED, "true").body(stored.body());
            }
            case RESUME -> {
                if (resumption == null) {
                    throw new IllegalStateException("key " + scope + " recorded an effect nothing can resume");
                }
                replayed = true;
            }
            case CLAIMED -> {
                // goes on below
            }
        }
        var hold = java.util.Objects.requireNonNull(claim.hold());
        IdempotencyKeys.Stored response;
        try {
            var answer = replayed ? java.util.Objects.requireNonNull(resumption)
                    .resume(java.util.Objects.requireNonNull(claim.effect())) : action.run(body, hold);
            response = new IdempotencyKeys.Stored(success.value(), MediaType.APPLICATION_JSON_VALUE,
                    json.writeValueAsString(answer));
        } catch (RuntimeException e) {
            var problem = problems.problemFor(e, locale);
            if (problem == null || problem.getStatus() >= 500) {
                keys.forget(hold); // not an answer to keep: a retry runs again
                throw e;
            }
            response = new IdempotencyKeys.Stored(problem.getStatus(), MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    json.writeValueAsString(asJson(problem)));
        } catch (Error e) {
            keys.forget(hold);
            throw e;
        }
        keys.complete(hold, response);
        var builder = ResponseEntity.status(response.status())
                .contentType(MediaType.parseMediaType(response.contentType())).cacheControl(CacheControl.noStore());
        if (replayed) {
            builder.header(REPLAYED, "true");
        }
        if (response.status() == success.value()) {
            var uri = location.apply(response.body());
            if (uri != null) {
                builder.location(uri);
            }
        }
        return builder.body(response.body());
    }

    /** What is done once per key; it may record its effect with the hold ({@link IdempotencyKeys#record}). */
    @FunctionalInterface
    interface Action {
        Object run(byte[] body, IdempotencyKeys.Hold hold);
    }

    /** The answer to a request whose first run took effect and then died before answering. */
    @FunctionalInterface
    interface Resumption {
        Object resume(IdempotencyKeys.Effect effect);
    }

    /** The JSON body as {@code type}, or an invalid-request problem ({@code body}) when it cannot be read. */
    <T> T read(byte[] body, Class<T> type) {
        T request;
        try {
            request = json.readValue(body, type);
        } catch (tools.jackson.core.JacksonException e) {
            throw new InvalidRequestException("body");
        }
        if (request == null) {
            throw new InvalidRequestException("body");
        }
        return request;
    }

    /** RFC 9457 members at the top level, the extensions beside them (as the message converters write it). */
    private static java.util.Map<String, Object> asJson(ProblemDetail problem) {
        var members = new java.util.LinkedHashMap<String, Object>();
        members.put("type", problem.getType().toString());
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        return members;
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
