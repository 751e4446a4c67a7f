package dev.onshore.was.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class PiiCipherUnitTests {

    private static final String K1 = PiiKeys.newKey();
    private static final String K2 = PiiKeys.newKey();

    private final PiiCipher cipher = PiiKeys.cipher("2025a", "2025a", K1);

    @Test
    void decryptsWhatItEncrypted() {
        for (var plaintext : new String[] {"Siti Rahayu", "Jl. Jend. Sudirman Kav. 52-53, Jakarta 12190",
                "+62 812-3456-7890", "김민지", "北京市朝阳区建国路 88 号", ""}) {
            assertThat(cipher.decrypt(cipher.encrypt(plaintext))).isEqualTo(plaintext);
        }
    }

    @Test
    void storesNoTraceOfThePlaintext() {
        var plaintext = "Siti Rahayu, +62 812-3456-7890";

        var stored = cipher.encrypt(plaintext);

        assertThat(stored).startsWith("pii1:2025a:").doesNotContain("Siti").doesNotContain("812")
                .doesNotContain(Base64.getEncoder().encodeToString(plaintext.getBytes(StandardCharsets.UTF_8)))
                .doesNotContain(Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(plaintext.getBytes(StandardCharsets.UTF_8)).substring(0, 12));
    }

    @Test
    void usesAFreshIvForEveryValue() {
        var stored = new HashSet<String>();
        var ivs = new HashSet<String>();
        for (int i = 0; i < 200; i++) {
            var value = cipher.encrypt("Siti Rahayu");
            stored.add(value);
            ivs.add(value.substring("pii1:2025a:".length(), "pii1:2025a:".length() + 16));
        }

        assertThat(stored).hasSize(200);
        assertThat(ivs).hasSize(200);
    }

    @Test
    void refusesATamperedCiphertext() {
        var stored = cipher.encrypt("Siti Rahayu");
        var body = stored.substring("pii1:2025a:".length());
        var bytes = Base64.getUrlDecoder().decode(body);
        bytes[bytes.length / 2] ^= 1;
        var tampered = "pii1:2025a:" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(PiiDecryptionException.class)
                .hasMessageContaining("altered");
    }

    @Test
    void refusesATruncatedOrMalformedValue() {
        var stored = cipher.encrypt("Siti Rahayu");

        assertThatThrownBy(() -> cipher.decrypt(stored.substring(0, stored.length() - 4)))
                .isInstanceOf(PiiDecryptionException.class);
        assertThatThrownBy(() -> cipher.decrypt("pii1:2025a:AAAA")).isInstanceOf(PiiDecryptionException.class)
                .hasMessageContaining("too short");
        assertThatThrownBy(() -> cipher.decrypt("pii1:2025a:not base64!")).isInstanceOf(PiiDecryptionException.class);
        assertThatThrownBy(() -> cipher.decrypt("Siti Rahayu")).isInstanceOf(PiiDecryptionException.class)
                .hasMessageNotContaining("Siti");
    }

    @Test
    void refusesAValueUnderAKeyIdTheFileDoesNotList() {
        var stored = cipher.encrypt("Siti Rahayu");

        assertThatThrownBy(() -> cipher.decrypt(stored.replace("pii1:2025a:", "pii1:2024z:")))
                .isInstanceOf(PiiDecryptionException.class).hasMessageContaining("2024z")
                .hasMessageContaining("does not list");
    }

    @Test
    void refusesAValueRelabelledWithAnotherListedKeyId() {
        var both = PiiKeys.cipher("2025a", "2025a", K1, "2026a", K2);
        var stored = both.encrypt("Siti Rahayu");

        assertThatThrownBy(() -> both.decrypt(stored.replace("pii1:2025a:", "pii1:2026a:")))
                .isInstanceOf(PiiDecryptionException.class);
    }

    @Test
    void rotatesKeysOldValuesStillDecryptAndNewOnesUseTheNewKey() {
        var old = cipher.encrypt("Jl. Jend. Sudirman 52");
        var rotated = PiiKeys.cipher("2026a", "2025a", K1, "2026a", K2);

        var fresh = rotated.encrypt("Jl. Thamrin 1");

        assertThat(rotated.decrypt(old)).isEqualTo("Jl. Jend. Sudirman 52");
        assertThat(fresh).startsWith("pii1:2026a:");
        assertThat(rotated.needsReencryption(old)).isTrue();
        assertThat(rotated.needsReencryption(fresh)).isFalse();
        var reencrypted = rotated.reencrypt(old);
        assertThat(reencrypted).startsWith("pii1:2026a:");
        assertThat(rotated.reencrypt(reencrypted)).isSameAs(reencrypted);
        // Once the old key is gone from the file, only re-encrypted values can be read.
        var newOnly = PiiKeys.cipher("2026a", "2026a", K2);
        assertThat(newOnly.decrypt(reencrypted)).isEqualTo("Jl. Jend. Sudirman 52");
        assertThatThrownBy(() -> newOnly.decrypt(old)).isInstanceOf(PiiDecryptionException.class);
    }

    @Test
    void refusesAValueEncryptedUnderTheSameKeyIdWithADifferentKey() {
        var stored = cipher.encrypt("Siti Rahayu");
        var impostor = PiiKeys.cipher("2025a", "2025a", K2);

        assertThatThrownBy(() -> impostor.decrypt(stored)).isInstanceOf(PiiDecryptionException.class);
    }

    @Test
    void aBlindIndexIsStableUnderItsKeyAndTellsNothingWithoutIt() {
        var key = PiiKeys.newKey();
        var ring = PiiKeys.cipher("a", "a", key);
        var rotated = new PiiCipher(PiiKeyRing.parse(PiiKeys.file("b", "a", key, "b", PiiKeys.newKey())
                + "index=a\n", "test"));
        var other = PiiKeys.cipher("a", "a", PiiKeys.newKey());
        var index = ring.blindIndex("kim@example.com");
        assertThat(index).matches("[0-9a-f]{64}").isEqualTo(ring.blindIndex("kim@example.com"))
                .isNotEqualTo(ring.blindIndex("kim@example.org")).isNotEqualTo(other.blindIndex("kim@example.com"));
        // A new current key keeps the index when the file names the old one as index.
        assertThat(rotated.blindIndex("kim@example.com")).isEqualTo(index);
        assertThatThrownBy(() -> PiiKeyRing.parse(PiiKeys.file("a", "a", key) + "index=zz\n", "test"))
                .hasMessageContaining("index=<id>");
    }
}
