package dev.onshore.edge.waitingroom;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tickets and passes as signed tokens, so that no node needs to look them up and nobody can choose a ticket number or
 * admit themselves. Both are bound to the client address: the signature covers it, the token does not carry it.
 * <ul>
 * <li>ticket {@code t1.<deal>.<number>.<signature>}: a place in the deal's queue;</li>
 * <li>pass {@code p1.<deal>.<number>.<expiry epoch s>.<signature>}: the admitted ticket, valid until its expiry.</li>
 * </ul>
 * Thread-safe.
 */
final class Passes {

    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    /** @param key at least 32 bytes of secret */
    Passes(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the pass key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), HMAC);
    }

    String ticket(String deal, long number, String client) {
        var body = "t1." + deal + "." + number;
        return body + "." + sign(body, client);
    }

    /** The ticket's number when the token is a genuine ticket of this deal for this client. */
    OptionalLong verifyTicket(String token, String deal, String client) {
        var parts = token.split("\\.", -1);
        if (parts.length != 4 || !"t1".equals(parts[0]) || !deal.equals(parts[1])) {
            return OptionalLong.empty();
        }
        var number = number(parts[2]);
        if (number.isEmpty() || !matches(parts[0] + "." + parts[1] + "." + parts[2], client, parts[3])) {
            return OptionalLong.empty();
        }
        return number;
    }

    String pass(String deal, long ticket, Instant expires, String client) {
        var body = "p1." + deal + "." + ticket + "." + expires.getEpochSecond();
        return body + "." + sign(body, client);
    }

    /** The pass's ticket number when it is genuine, of this deal, for this client and not expired at {@code now}. */
    OptionalLong verifyPass(String token, String deal, String client, Instant now) {
        var parts = token.split("\\.", -1);
        if (parts.length != 5 || !"p1".equals(parts[0]) || !deal.equals(parts[1])) {
            return OptionalLong.empty();
        }
        var ticket = number(parts[2]);
        var expires = number(parts[3]);
        if (ticket.isEmpty() || expires.isEmpty()
                || !matches(parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3], client, parts[4])
                || now.getEpochSecond() >= expires.getAsLong()) {
            return OptionalLong.empty();
        }
        return ticket;
    }

    private boolean matches(String body, String client, String signature) {
        return MessageDigest.isEqual(sign(body, client).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String body, String client) {
        try {
            var mac = Mac.getInstance(HMAC);
            mac.init(key);
            return B64.encodeToString(mac.doFinal((body + "|" + client).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OptionalLong number(String text) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(text));
    }
}
