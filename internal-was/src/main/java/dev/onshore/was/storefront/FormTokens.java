package dev.onshore.was.storefront;

import dev.onshore.was.idempotency.LeasedClaims;
import dev.onshore.was.security.BearerTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * One-time tokens for the place-order form, the account forms and an order's return and exchange forms, checked on every node: a token is signed with the
 * form it was issued for and its issue time (so an old or forged one, or one of another form, is refused without a
 * lookup) and claimed once in MariaDB (a unique key: a concurrent double submit sees it claimed and waits for the
 * first one's outcome). The place-order form's claim has a lease, as an {@code Idempotency-Key} has (the same
 * {@link LeasedClaims}): its order is recorded in the order's transaction, fenced by the claim, so a submit after a dead node's lease either places the
 * order (nothing was placed) or finishes the recorded one ({@link Resume}), never a second order.
 */
@Component
class FormTokens {

    /** How long a checkout form may be left open before it must be reviewed again. */
    static final Duration VALID = Duration.ofHours(1);

    /**
     * The form a token is issued for, and the only one that takes it: the address book's token must not place an
     * order or erase the account.
     */
    enum Form {
        PLACE_ORDER, PROFILE, ADD_ADDRESS, PREFER_ADDRESS, REMOVE_ADDRESS, ERASE_ACCOUNT, REQUEST_RETURN,
        REQUEST_EXCHANGE
    }

    /** What claiming a token found. */
    sealed interface Claim {
    }

    /** The token is this request's: go on and place the order; {@code hold} fences what it records. */
    record Claimed(String hold) implements Claim {
    }

    /**
     * An earlier submit of the place-order form placed this order and then stopped answering (its node died); this
     * request has taken the form over and finishes that order.
     */
    record Resume(String hold, String number, String accessToken, String customerName) implements Claim {
    }

    /** An earlier submit of the same form placed this order. */
    record Placed(String number, String paymentUrl, @Nullable String accessToken) implements Claim {
    }

    /** An earlier submit of the same form did what it asked (a form that places no order: {@link #done}). */
    record Used() implements Claim {
    }

    /** An earlier submit of the same form is still placing its order. */
    record Running() implements Claim {
    }

    /** The token is forged, malformed or too old. */
    record Expired() implements Claim {
    }

    /** The token is genuine but was issued for another form; it is left unclaimed for its own. */
    record OtherForm() implements Claim {
    }

    private static final LeasedClaims.Table TABLE = new LeasedClaims.Table("storefront_form_token",
            List.of("token_hash"));

    private final JdbcClient jdbc;
    private final ShopCookies cookies;
    private final Clock clock;
    private final LeasedClaims claims;

    FormTokens(JdbcClient jdbc, ShopCookies cookies, Clock clock, LeasedClaims claims) {
        this.jdbc = jdbc;
        this.cookies = cookies;
        this.clock = clock;
        this.claims = claims;
    }

    String issue(Form form) {
        var body = form.name() + "." + ShopCookies.random() + "." + clock.instant().getEpochSecond();
        return body + "." + cookies.sign("form:" + body);
    }

    /** Claims the token for {@code form}; never null. */
    Claim claim(String token, Form form) {
        if (!valid(token)) {
            return new Expired();
        }
        if (!token.startsWith(form.name() + ".")) {
            return new OtherForm();
        }
        var key = List.of(BearerTokens.hash(token));
        var hold = claims.claim(TABLE, key, Map.of());
        if (hold != null) {
            return new Claimed(hold);
        }
        var row = jdbc.sql("""
                SELECT state, order_number, payment_url, sealed_access, claim_token, lease_until
                FROM storefront_form_token WHERE token_hash = ?""").param(BearerTokens.hash(token))
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6)))
                .optional().orElse(null);
        if (row == null) {
            return claim(token, form); // released meanwhile
        }
        if ("DONE".equals(row.state())) {
            return row.number() == null ? new Used()
                    : new Placed(row.number(), Objects.requireNonNull(row.paymentUrl()),
                            open(token, row.sealed()));
        }
        // Only an order's placing is taken over: it records what it did (an account form's effect is not).
        // Nor a claim without a token: a node of a version before leases made it and records nothing it did.
        if (form != Form.PLACE_ORDER || !claims.expired(row.hold(), row.leaseUntil())) {
            return new Running();
        }
        var taken = claims.takeOver(TABLE, key, row.state(), row.hold());
        if (taken == null) {
            return claim(token, form);
        }
        if ("EFFECTED".equals(row.state()) && row.number() != null) {
            var sealed = Objects.requireNonNull(open(token, row.sealed()));
            var cut = sealed.indexOf('\n');
            return new Resume(taken, row.number(), sealed.substring(0, cut), sealed.substring(cut + 1));
        }
        return new Claimed(taken);
    }

    /**
     * Claims the token for {@code form} as {@link #claim} does, but asks again every 100 ms, for up to 5 s, while an
     * earlier submit of the same form is still at work ({@link Running}), so that a double submit is answered with
     * the first one's outcome; never null. Interrupted, it stops waiting (the thread's interrupt flag set again) and
     * answers what it found last.
     */
    Claim claimOnceSettled(String token, Form form) {
        var claim = claim(token, form);
        for (int wait = 0; claim instanceof Running && wait < 50; wait++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            claim = claim(token, form);
        }
        return claim;
    }

    /**
     * Records the placed order under the form's token, in the order's transaction (call it last there): refused with
     * an {@link IllegalStateException}, which rolls the order back, when another submit took the form over.
     */
    void record(String token, String hold, String number, String accessToken, String customerName) {
        var recorded = claims.record(TABLE, List.of(BearerTokens.hash(token)), hold, Map.of("order_number", number,
                "sealed_access", cookies.seal("form:" + token,
                        (accessToken + "\n" + customerName).getBytes(StandardCharsets.UTF_8))));
        if (!recorded) {
            throw new IllegalStateException("another submit of this form took it over");
        }
    }

    private record Row(String state, @Nullable String number, @Nullable String paymentUrl, @Nullable String sealed,
            @Nullable String hold, @Nullable Timestamp leaseUntil) {
    }

    void complete(String token, String number, String paymentUrl, String accessToken) {
        jdbc.sql("""
                UPDATE storefront_form_token SET state = 'DONE', order_number = ?, payment_url = ?, sealed_access = ?
                WHERE token_hash = ?""").params(number, paymentUrl,
                cookies.seal("form:" + token, accessToken.getBytes(StandardCharsets.UTF_8)), BearerTokens.hash(token))
                .update();
    }

    /** The submit of a form that places no order (an account form) did what it asked: the token is spent. */
    void done(String token) {
        jdbc.sql("UPDATE storefront_form_token SET state = 'DONE' WHERE token_hash = ?")
                .param(BearerTokens.hash(token)).update();
    }

    /** Frees a token whose submit placed nothing (a refused address, a sold-out line): the form may be sent again. */
    void release(String token) {
        jdbc.sql("DELETE FROM storefront_form_token WHERE token_hash = ? AND state = 'RUNNING'")
                .param(BearerTokens.hash(token)).update();
    }

    /**
     * Frees the place-order form's token after its submit failed (nothing placed, or the placed order cancelled for
     * want of a payment), unless another submit holds it now.
     */
    void release(String token, String hold) {
        claims.release(TABLE, List.of(BearerTokens.hash(token)), hold);
    }

    @Scheduled(fixedDelayString = "PT1H")
    void purge() {
        claims.purge(TABLE, VALID.multipliedBy(2));
    }

    private boolean valid(String token) {
        var parts = token.split("\\.", -1); // -1: a trailing dot is a fifth, empty part, not a second token
        if (token.length() > 200 || parts.length != 4 || !parts[2].matches("[0-9]{1,12}")) {
            return false;
        }
        var body = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(cookies.sign("form:" + body).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        var age = clock.instant().getEpochSecond() - Long.parseLong(parts[2]);
        return age >= -60 && age <= VALID.toSeconds();
    }

    private @Nullable String open(String token, @Nullable String sealed) {
        if (sealed == null) {
            return null;
        }
        var plain = cookies.open("form:" + token, sealed);
        return plain == null ? null : new String(plain, StandardCharsets.UTF_8);
    }

    static Optional<String> nonBlank(@Nullable String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
