package dev.onshore.was.pii;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts one personal value (a name, an address line, a phone number) for storage: AES-256-GCM with a fresh
 * random 96-bit IV per value, stored as {@code pii1:<key id>:<base64url(IV || ciphertext || 128-bit tag)>}. The
 * header is authenticated too (it is the GCM associated data), so a value cannot be relabelled with another key
 * id. Encrypts with the key ring's current key and decrypts with any key it lists, which is what lets keys rotate.
 * <p>
 * Thread-safe. The same plaintext encrypts differently every time, so encrypted columns cannot be searched or
 * joined on; a lookup column needs a separate keyed hash (not provided here).
 */
final class PiiCipher {

    static final String VERSION = "pii1";

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final PiiKeyRing keys;
    private final SecureRandom random;

    PiiCipher(PiiKeyRing keys) {
        this(keys, new SecureRandom());
    }

    PiiCipher(PiiKeyRing keys, SecureRandom random) {
        this.keys = keys;
        this.random = random;
    }

    /**
     * A blind index of {@code normalized}: HMAC-SHA256 under a key derived from the ring's index key (never the AES
     * key itself), as 64 hex digits. Equal inputs give equal indexes, so a column of them can be searched and
     * indexed while the value itself stays encrypted; without the key file the hash tells nothing.
     */
    String blindIndex(String normalized) {
        try {
            var derive = javax.crypto.Mac.getInstance("HmacSHA256");
            derive.init(new javax.crypto.spec.SecretKeySpec(keys.indexKey().getEncoded(), "HmacSHA256"));
            var indexKey = derive.doFinal("onshore/pii/blind-index/v1".getBytes(StandardCharsets.UTF_8));
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(indexKey, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 failed", e);
        }
    }

    /** Encrypts with the current key; never null. */
    String encrypt(String plaintext) {
        var keyId = keys.currentId();
        var iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            var cipher = cipher(Cipher.ENCRYPT_MODE, keys.current(), iv, keyId);
            var sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            var stored = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return header(keyId) + ENCODER.encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Decrypts a value {@link #encrypt} wrote, under any listed key.
     *
     * @throws PiiDecryptionException when the value is not in the format, names a key the file does not list, or
     *                                was altered
     */
    String decrypt(String stored) {
        var parts = stored.split(":", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new PiiDecryptionException("not an encrypted personal value (expected " + VERSION + ":<key>:...)");
        }
        var keyId = parts[1];
        var key = keys.key(keyId);
        if (key == null) {
            throw new PiiDecryptionException("encrypted under key '" + limit(keyId) + "', which the PII key file"
                    + " does not list");
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new PiiDecryptionException("encrypted value is not base64url");
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new PiiDecryptionException("encrypted value is too short");
        }
        try {
            var cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(bytes, IV_BYTES), keyId);
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new PiiDecryptionException("encrypted value was altered or its key id changed (GCM tag mismatch)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    /** True when the value is encrypted under another key than the current one (rotation has work to do). */
    boolean needsReencryption(String stored) {
        return !stored.startsWith(header(keys.currentId()));
    }

    /** The same plaintext under the current key; a value already under it is returned as it is. */
    String reencrypt(String stored) {
        return needsReencryption(stored) ? encrypt(decrypt(stored)) : stored;
    }

    private static String header(String keyId) {
        return VERSION + ":" + keyId + ":";
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] iv, String keyId) throws GeneralSecurityException {
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(header(keyId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static String limit(String text) {
        return text.length() <= 32 ? text : text.substring(0, 32) + "…";
    }
}
