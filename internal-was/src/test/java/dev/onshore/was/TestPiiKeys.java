package dev.onshore.was;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One PII key file for all integration tests of this JVM, as {@code ./onshore up} generates it (a fresh random
 * key, mode 0600 in a 0700 folder): what shoppers' accounts and orders need to store names, addresses, phones and
 * e-mail addresses.
 */
public final class TestPiiKeys {

    private static Path keyFile;

    private TestPiiKeys() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("onshore.accounts.pii.key-file", () -> keyFile().toString());
    }

    /** The key file's path. */
    public static synchronized Path keyFile() {
        if (keyFile == null) {
            try {
                var folder = Files.createTempDirectory("it-pii",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                var key = new byte[32];
                new SecureRandom().nextBytes(key);
                keyFile = Files.writeString(folder.resolve("keys"),
                        "current=kit\nkit=" + Base64.getEncoder().encodeToString(key) + "\n");
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return keyFile;
    }
}
