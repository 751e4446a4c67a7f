package dev.onshore.was.storefront;

import dev.onshore.was.security.BearerTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * One-time tokens for the place-order form, the account forms and an order's return and exchange forms, checked on every node: a token is signed with the
 * form it was issued for and its issue time (so an old or forged one, or one of another form, is refused without a
 * lookup) and claimed once in MariaDB (a unique key: a concurrent double submit sees it claimed and waits for the
 * first one's outcome).
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

    /** The token is this request's: go on and place the order. */
    record Claimed() implements Claim {
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

    private final JdbcClient jdbc;
    private final ShopCookies cookies;
    private final Clock clock;

    FormTokens(JdbcClient jdbc, ShopCookies cookies, Clock clock) {
        this.jdbc = jdbc;
        this.cookies = cookies;
        this.clock = clock;
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
        try {
            jdbc.sql("INSERT INTO storefront_form_token (token_hash, state, created_at) VALUES (?, 'RUNNING', ?)")
                    .params(BearerTokens.hash(token), Timestamp.from(clock.instant())).update();
            return new Claimed();
        } catch (DuplicateKeyException e) {
            return jdbc.sql("""
                    SELECT state, order_number, payment_url, sealed_access FROM storefront_form_token
                    WHERE token_hash = ?""").param(BearerTokens.hash(token))
                    .query((rs, row) -> !"DONE".equals(rs.getString(1)) ? new Running()
                            : rs.getString(2) == null ? new Used()
                            : (Claim) new Placed(rs.getString(2), rs.getString(3), open(token, rs.getString(4))))
                    .optional().orElseGet(() -> claim(token, form));
        }
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

    @Scheduled(fixedDelayString = "PT1H")
    void purge() {
        jdbc.sql("DELETE FROM storefront_form_token WHERE created_at < ?")
                .param(Timestamp.from(clock.instant().minus(VALID.multipliedBy(2)))).update();
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
