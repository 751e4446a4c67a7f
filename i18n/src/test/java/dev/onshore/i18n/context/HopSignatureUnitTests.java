package dev.onshore.i18n.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HopSignatureUnitTests {

    private static final String KEY = "k".repeat(43);
    private static final String OLD_KEY = "o".repeat(43);
    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    private static final Duration MAX_AGE = Duration.ofSeconds(30);

    private final Map<String, String> context = Map.of("x-onshore-country", "ID", "x-onshore-locale", "id-ID",
            "x-onshore-client-ip", "198.51.100.7");

    private final String signed = HopSignature.sign(KEY, "GET", "/id-id/", context::get, NOW);

    @Test
    void acceptsWhatTheEdgeSignedWithAnAcceptedKey() {
        assertThat(HopSignature.verify(List.of(OLD_KEY, KEY), signed, "GET", "/id-id/", context, NOW.plusSeconds(5),
                MAX_AGE)).isTrue();
    }

    @Test
    void refusesAChangedContextPathOrMethod() {
        var forged = new HashMap<>(context);
        forged.put("x-onshore-country", "US");
        assertThat(HopSignature.verify(List.of(KEY), signed, "GET", "/id-id/", forged, NOW, MAX_AGE)).isFalse();
        assertThat(HopSignature.verify(List.of(KEY), signed, "GET", "/en-us/", context, NOW, MAX_AGE)).isFalse();
        assertThat(HopSignature.verify(List.of(KEY), signed, "POST", "/id-id/", context, NOW, MAX_AGE)).isFalse();
        var added = new HashMap<>(context);
        added.put("x-onshore-currency", "USD");
        assertThat(HopSignature.verify(List.of(KEY), signed, "GET", "/id-id/", added, NOW, MAX_AGE)).isFalse();
    }

    @Test
    void refusesAnOldOrFutureSignatureSoCapturedHopsCannotBeReplayedLater() {
        assertThat(HopSignature.verify(List.of(KEY), signed, "GET", "/id-id/", context, NOW.plusSeconds(31), MAX_AGE))
                .isFalse();
        assertThat(HopSignature.verify(List.of(KEY), signed, "GET", "/id-id/", context, NOW.minusSeconds(31), MAX_AGE))
                .isFalse();
    }

    @Test
    void preparesEachKeyOnceAndSignsWithACopyOfItsMacSoConcurrentSignaturesDoNotMix() throws Exception {
        var prepared = HopSignature.prepared(KEY);
        assertThat(HopSignature.prepared(KEY)).isSameAs(prepared);
        assertThat(prepared.mac()).isNotSameAs(prepared.mac());
        assertThat(prepared.id()).isEqualTo(HopSignature.keyId(KEY)).hasSize(12);
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < 200; i++) {
                futures.add(threads.submit(() -> HopSignature.sign(KEY, "GET", "/id-id/", context::get, NOW)));
            }
            for (var future : futures) {
                assertThat(future.get()).isEqualTo(signed);
            }
        }
    }

    @Test
    void refusesAKeyThatIsNoLongerAcceptedAfterARotation() {
        assertThat(HopSignature.verify(List.of(OLD_KEY), signed, "GET", "/id-id/", context, NOW, MAX_AGE)).isFalse();
    }

    @Test
    void refusesGarbageWithoutThrowing() {
        for (var header : new String[] {null, "", "v1", "v1;", "v2;kid=x;ts=1;sig=y", "v1;kid=;ts=;sig=",
                "v1;kid=a;ts=99999999999999999999;sig=b", "v1;kid=a;ts=-1;sig=b", "v1;x=1", "v1;kid=a;ts=1;sig=b;x=1",
                "v1;" + "a".repeat(10_000), signed.replace("sig=", "sig=A")}) {
            assertThat(HopSignature.verify(List.of(KEY), header, "GET", "/id-id/", context, NOW, MAX_AGE)).as(header)
                    .isFalse();
        }
    }

    @Test
    void namesAKeyByItsDigestSoBothSidesAgreeWithoutConfiguringIds() {
        assertThat(HopSignature.keyId(KEY)).hasSize(12).isEqualTo(HopSignature.keyId(new String(KEY)))
                .isNotEqualTo(HopSignature.keyId(OLD_KEY));
        assertThat(signed).startsWith("v1;kid=" + HopSignature.keyId(KEY) + ";ts=" + NOW.getEpochSecond() + ";sig=");
    }
}
