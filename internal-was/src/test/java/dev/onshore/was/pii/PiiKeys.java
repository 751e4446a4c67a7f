package dev.onshore.was.pii;

import java.security.SecureRandom;
import java.util.Base64;

/** Key files for tests: fresh random keys, as {@code ./onshore up} generates them. */
final class PiiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PiiKeys() {
    }

    static String newKey() {
        var key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** A key file's content: {@code current} first, then each id with its key. */
    static String file(String current, String... idsAndKeys) {
        var content = new StringBuilder("# test keys\ncurrent=" + current + "\n");
        for (int i = 0; i < idsAndKeys.length; i += 2) {
            content.append(idsAndKeys[i]).append('=').append(idsAndKeys[i + 1]).append('\n');
        }
        return content.toString();
    }

    static PiiCipher cipher(String current, String... idsAndKeys) {
        return new PiiCipher(PiiKeyRing.parse(file(current, idsAndKeys), "test"));
    }
}
