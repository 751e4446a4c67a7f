package dev.onshore.i18n.context;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The edge's signature on a request it forwards to the internal tier, so that the internal tier believes the
 * shopper-context headers only from the edge: {@code X-Onshore-Hop: v1;kid=<key id>;ts=<epoch seconds>;sig=<mac>},
 * an HMAC-SHA256 over the method, the path, the timestamp and the values of {@link #SIGNED_HEADERS}.
 *
 * <p>Keys are shared secrets; a key's id is the start of its SHA-256 digest, so that both sides name keys the same
 * way without configuring ids. Rotation: the internal tier accepts several keys while the edge signs with one (see
 * {@code docs/hop-signature.md}).
 */
public final class HopSignature {

    public static final String HEADER = "X-Onshore-Hop";

    /** The shopper-context headers the signature covers, in the order they are signed (lower case). */
    public static final List<String> SIGNED_HEADERS = List.of("x-onshore-client-ip", "x-onshore-context-source",
            "x-onshore-country", "x-onshore-currency", "x-onshore-locale", "x-onshore-timezone",
            "x-onshore-suggested-country", "x-onshore-suggested-locale");

    private static final int MAX_HEADER_LENGTH = 200;

    /**
     * Each key's id and a MAC initialized with it, made once: every request through the edge is signed and every one
     * reaching the internal tier verified, and looking up the provider, hashing the key for its id and initializing
     * the MAC cost more than the signature itself (JFR profile of issue 12). One entry per configured key (a handful
     * across rotations); the prototype is never used, only cloned.
     */
    private static final Map<String, Prepared> PREPARED = new ConcurrentHashMap<>();

    private HopSignature() {
    }

    /** The id of a key: 12 hex digits of its SHA-256 digest. Never null. */
    public static String keyId(String key) {
        return prepared(key).id();
    }

    /** The key's id and MAC, made on first use and kept. */
    static Prepared prepared(String key) {
        var prepared = PREPARED.get(key);
        return prepared != null ? prepared : PREPARED.computeIfAbsent(key, Prepared::of);
    }

    /**
     * The header value for a request.
     *
     * @param headers the request's headers by lower-case name (only {@link #SIGNED_HEADERS} are read)
     */
    public static String sign(String key, String method, String path, Function<String, @Nullable String> headers,
            Instant now) {
        long ts = now.getEpochSecond();
        return "v1;kid=" + keyId(key) + ";ts=" + ts + ";sig=" + mac(key, method, path, ts, headers);
    }

    /**
     * Whether {@code header} is a valid signature of this request by one of {@code keys}, made at most
     * {@code maxAge} before (or after, for clock skew) {@code now}. False for anything malformed; never throws.
     */
    public static boolean verify(List<String> keys, @Nullable String header, String method, String path,
            Map<String, String> headers, Instant now, Duration maxAge) {
        return verify(keys, header, method, path, name -> headers.get(name), now, maxAge);
    }

    /** As {@link #verify(List, String, String, String, Map, Instant, Duration)}, headers looked up by name. */
    public static boolean verify(List<String> keys, @Nullable String header, String method, String path,
            Function<String, @Nullable String> headers, Instant now, Duration maxAge) {
        if (header == null || header.length() > MAX_HEADER_LENGTH || !header.startsWith("v1;")) {
            return false;
        }
        String kid = null;
        String sig = null;
        long ts = Long.MIN_VALUE;
        for (var part : header.substring(3).split(";", 4)) {
            var eq = part.indexOf('=');
            if (eq < 0) {
                return false;
            }
            var value = part.substring(eq + 1);
            switch (part.substring(0, eq)) {
                case "kid" -> kid = value;
                case "sig" -> sig = value;
                case "ts" -> {
                    if (!value.matches("[0-9]{1,12}")) {
                        return false;
                    }
                    ts = Long.parseLong(value);
                }
                default -> {
                    return false;
                }
            }
        }
        if (kid == null || sig == null || ts == Long.MIN_VALUE
                || Math.abs(now.getEpochSecond() - ts) > maxAge.toSeconds()) {
            return false;
        }
        for (var key : keys) {
            if (keyId(key).equals(kid)) {
                var expected = mac(key, method, path, ts, headers);
                return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                        sig.getBytes(StandardCharsets.US_ASCII));
            }
        }
        return false;
    }

    private static String mac(String key, String method, String path, long ts,
            Function<String, @Nullable String> headers) {
        var canonical = new StringBuilder("v1\n").append(method.toUpperCase(Locale.ROOT)).append('\n').append(path)
                .append('\n').append(ts).append('\n');
        for (var name : SIGNED_HEADERS) {
            var value = headers.apply(name);
            canonical.append(name).append(':').append(value == null ? "" : value).append('\n');
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(prepared(key).mac().doFinal(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** A key's id and its initialized MAC, of which each signature gets a fresh copy. */
    record Prepared(String id, Mac prototype) {

        static Prepared of(String key) {
            try {
                var digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
                var mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return new Prepared(HexFormat.of().formatHex(digest, 0, 6), mac);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A MAC of its own for one signature (the prototype is shared and never updated). */
        Mac mac() {
            try {
                return (Mac) prototype.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("the HmacSHA256 provider cannot copy a MAC", e);
            }
        }

        @Override
        public String toString() {
            return "Prepared[id=" + id + "]";
        }
    }
}
