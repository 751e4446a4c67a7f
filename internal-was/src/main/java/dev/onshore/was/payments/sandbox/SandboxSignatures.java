package dev.onshore.was.payments.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 over the sandbox's pages and webhooks, compared in constant time. */
final class SandboxSignatures {

    static final String TIMESTAMP_HEADER = "Sandbox-Timestamp";
    static final String SIGNATURE_HEADER = "Sandbox-Signature";

    private final byte[] key;

    SandboxSignatures(String secret) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code v1=<hex>} of HMAC-SHA256 over {@code timestamp + "." + body}. */
    String webhook(long timestamp, byte[] body) {
        var prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        var signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return "v1=" + HexFormat.of().formatHex(hmac(signed));
    }

    String page(String payload) {
        return HexFormat.of().formatHex(hmac(payload.getBytes(StandardCharsets.UTF_8)));
    }

    static boolean same(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] hmac(byte[] data) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
