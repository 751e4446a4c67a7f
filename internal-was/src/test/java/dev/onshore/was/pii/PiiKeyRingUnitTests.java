package dev.onshore.was.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PiiKeyRingUnitTests {

    private static final String K1 = PiiKeys.newKey();
    private static final String K2 = PiiKeys.newKey();

    @TempDir
    Path dir;

    @Test
    void loadsAnOwnerOnlyKeyFile() throws Exception {
        var file = keyFile(PiiKeys.file("2026a", "2025a", K1, "2026a", K2), "rw-------");

        var keys = PiiKeyRing.load(file);

        assertThat(keys.currentId()).isEqualTo("2026a");
        assertThat(keys.key("2025a")).isNotNull();
        assertThat(keys.key("2024z")).isNull();
        assertThat(keys.current().getEncoded()).isEqualTo(Base64.getDecoder().decode(K2));
    }

    @Test
    void refusesAKeyFileOthersCanRead() throws Exception {
        var file = keyFile(PiiKeys.file("2025a", "2025a", K1), "rw-r--r--");

        assertThatThrownBy(() -> PiiKeyRing.load(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chmod 600");
    }

    @Test
    void refusesAMissingKeyFile() {
        assertThatThrownBy(() -> PiiKeyRing.load(dir.resolve("absent"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void refusesAFileWhoseCurrentKeyIsNotListed() {
        assertThatThrownBy(() -> PiiKeyRing.parse(PiiKeys.file("2026a", "2025a", K1), "f"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("current");
        assertThatThrownBy(() -> PiiKeyRing.parse("2025a=" + K1 + "\n", "f"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("current");
    }

    @Test
    void refusesKeysThatAreNotAes256() {
        var short16 = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> PiiKeyRing.parse(PiiKeys.file("a", "a", short16), "f"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> PiiKeyRing.parse(PiiKeys.file("a", "a", "%%%"), "f"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("base64");
        assertThatThrownBy(() -> PiiKeyRing.parse(PiiKeys.file("a", "a", K1, "a", K2), "f"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> PiiKeyRing.parse(PiiKeys.file("a b", "a b", K1), "f"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("key id");
    }

    @Test
    void neverShowsKeyMaterial() {
        var keys = PiiKeyRing.parse(PiiKeys.file("2025a", "2025a", K1), "f");

        assertThat(keys.toString()).contains("2025a").doesNotContain(K1).doesNotContain(K1.substring(0, 8));
    }

    private Path keyFile(String content, String mode) throws Exception {
        var file = dir.resolve("pii-keys");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }
}
