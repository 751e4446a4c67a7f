package dev.onshore.was.pii;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys personal data is encrypted with, read from a file outside the database:
 * <pre>
 * # comment
 * current=2026a
 * 2025a=&lt;base64 of 32 random bytes&gt;
 * 2026a=&lt;base64 of 32 random bytes&gt;
 * </pre>
 * The {@code current} key encrypts; every listed key decrypts. An optional {@code index=<id>} names the key the
 * blind indexes (keyed hashes for exact look-ups, e.g. of e-mail addresses) are derived from; without it the current
 * key. That key must stay listed, and the {@code index} line must be kept when {@code current} moves on, or look-ups
 * of values indexed earlier find nothing. The file must be readable by its owner only (0600
 * or 0400): a key file others can read is refused, as is a file without a current key or with a key that is not
 * 256 bits.
 */
final class PiiKeyRing {

    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final String currentId;
    private final String indexId;
    private final Map<String, SecretKey> keys;

    private PiiKeyRing(String currentId, String indexId, Map<String, SecretKey> keys) {
        this.currentId = currentId;
        this.indexId = indexId;
        this.keys = Map.copyOf(keys);
    }

    /**
     * Reads the key file.
     *
     * @throws IllegalStateException when the file is missing, readable by others, or malformed (the message never
     *                               contains key material)
     */
    static PiiKeyRing load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("PII key file " + file + " does not exist (onshore.accounts.pii.key-file)");
        }
        try {
            var posix = Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            if (posix != null) {
                var permissions = posix.readAttributes().permissions();
                if (permissions.stream().anyMatch(OTHERS::contains)) {
                    throw new IllegalStateException("PII key file " + file + " must be readable by its owner only"
                            + " (chmod 600), not " + java.nio.file.attribute.PosixFilePermissions.toString(permissions));
                }
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read PII key file " + file, e);
        }
    }

    /** Reads the file's content; {@code source} names it in errors. */
    static PiiKeyRing parse(String content, String source) {
        String current = null;
        String index = null;
        var keys = new LinkedHashMap<String, SecretKey>();
        var number = 0;
        for (var raw : content.split("\n")) {
            number++;
            var line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            var equals = line.indexOf('=');
            if (equals < 1) {
                throw new IllegalStateException(source + " line " + number + ": expected id=key or current=id");
            }
            var name = line.substring(0, equals).strip();
            var value = line.substring(equals + 1).strip();
            if (name.equals("current")) {
                current = value;
                continue;
            }
            if (name.equals("index")) {
                index = value;
                continue;
            }
            if (!KEY_ID.matcher(name).matches()) {
                throw new IllegalStateException(source + " line " + number + ": a key id is 1-32 letters, digits,"
                        + " - or _");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(source + " line " + number + ": key " + name + " is not base64");
            }
            if (key.length != 32) {
                throw new IllegalStateException(source + " line " + number + ": key " + name + " has " + key.length
                        + " bytes, not 32 (AES-256)");
            }
            if (keys.putIfAbsent(name, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalStateException(source + " line " + number + ": key " + name + " is listed twice");
            }
        }
        if (current == null || !keys.containsKey(current)) {
            throw new IllegalStateException(source + ": current=<id> must name one of the listed keys " + keys.keySet());
        }
        if (index != null && !keys.containsKey(index)) {
            throw new IllegalStateException(source + ": index=<id> must name one of the listed keys " + keys.keySet());
        }
        return new PiiKeyRing(current, index == null ? current : index, keys);
    }

    String currentId() {
        return currentId;
    }

    SecretKey current() {
        return keys.get(currentId);
    }

    /** The key blind indexes are derived from. */
    SecretKey indexKey() {
        return keys.get(indexId);
    }

    /** The key with this id, or null when the file does not list it. */
    @org.jspecify.annotations.Nullable
    SecretKey key(String id) {
        return keys.get(id);
    }

    /** Key ids only, never key material. */
    @Override
    public String toString() {
        return "PiiKeyRing[current=" + currentId + ", index=" + indexId + ", keys=" + keys.keySet() + "]";
    }
}
