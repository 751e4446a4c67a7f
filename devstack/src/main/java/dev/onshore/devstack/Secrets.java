package dev.onshore.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;

/**
 * Demo secrets: generated once per installation into {@code var/secrets/master/} (files 0600, folders 0700), then
 * projected into one folder per component holding only what that component needs, named by the configuration key
 * it fills (Spring's {@code configtree:} import reads them). Nothing here is ever committed.
 */
public final class Secrets {

    /** The secrets of one appliance, by purpose. */
    public enum Name {
        DB_APP_PASSWORD(24),
        REDIS_PASSWORD(24),
        KEYCLOAK_ADMIN_PASSWORD(18),
        ADMIN_CLIENT_SECRET(32),
        SERVICE_CLIENT_SECRET(32),
        STOREFRONT_PASS_KEY(32),
        /** dmz-api signs its hops to internal-was with it ({@code X-Onshore-Hop}); internal-was accepts it. */
        HOP_KEY(43),
        /** What the admin app shows the demo mailbox to prove it asks for a signed-in operator. */
        DEMO_MAILBOX_TOKEN(32),
        DEMO_OPERATOR_PASSWORD(12),
        DEMO_SHOPPER_PASSWORD(12),
        /** Raw TOTP key as Keycloak stores it (its bytes are the HMAC key; authenticators get them in base32). */
        DEMO_OPERATOR_TOTP_KEY(20);

        private final int length;

        Name(int length) {
            this.length = length;
        }
    }

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;

    public Secrets(Layout layout) {
        this.dir = Layout.privateDir(layout.secrets().resolve("master"));
    }

    /** The secret's value, generated on first use. Never null. */
    public String get(Name name) {
        var file = dir.resolve(name.name().toLowerCase().replace('_', '-'));
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            var value = random(name.length);
            writePrivate(file, value);
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write secret " + file, e);
        }
    }

    /** Generates every secret now, so that a half-started appliance never races on creating them. */
    public Secrets generateAll() {
        for (var name : Name.values()) {
            get(name);
        }
        return this;
    }

    /**
     * Writes a component's projection: one file per configuration key, so the component can read exactly these and
     * nothing of the others' (least privilege even on one machine).
     */
    public Path project(Layout layout, String component, Map<String, Name> keys) {
        var target = Layout.privateDir(layout.secrets().resolve(component));
        keys.forEach((key, name) -> writePrivate(target.resolve(key), get(name)));
        return target;
    }

    static void writePrivate(Path file, String value) {
        try {
            var tmp = Files.createTempFile(file.getParent(), ".secret", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, value, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write secret " + file, e);
        }
    }

    static String random(int length) {
        var chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(chars);
    }

    /** RFC 4648 base32 without padding, the form authenticator apps take a TOTP key in. */
    public static String base32(String raw) {
        var bytes = raw.getBytes(StandardCharsets.UTF_8);
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

}
