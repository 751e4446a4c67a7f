package dev.onshore.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTests {

    private static final String RFC_6238_KEY = "12345678901234567890";

    @Test
    void matchesTheRfc6238TestVectorsTruncatedToSixDigits() {
        assertThat(Totp.code(RFC_6238_KEY, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(Totp.code(RFC_6238_KEY, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(Totp.code(RFC_6238_KEY, Instant.ofEpochSecond(1234567890))).isEqualTo("005924");
    }

    @Test
    void givesAuthenticatorAppsTheKeyInBase32() {
        assertThat(Secrets.base32(RFC_6238_KEY)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }
}
