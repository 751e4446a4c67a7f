package dev.onshore.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTests {

    private final TrustedProxies proxies = new TrustedProxies(List.of("10.20.0.0/16", "127.0.0.1/32", "fd00:20::/32"));

    @Test
    void believesForwardedForOnlyFromTrustedHops() {
        assertThat(proxies.clientAddress("203.0.113.9", "198.51.100.7")).isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress("10.20.1.5", "198.51.100.7")).isEqualTo("198.51.100.7");
    }

    @Test
    void takesTheRightMostUntrustedAddressSoClientsCannotSpoofTheirOrigin() {
        // The client claimed 1.2.3.4; our WAF appended the address it really saw, then the L4 forwarded.
        assertThat(proxies.clientAddress("10.20.0.2", "1.2.3.4, 198.51.100.7, 10.20.0.9")).isEqualTo("198.51.100.7");
    }

    @Test
    void handlesIpv6Hops() {
        assertThat(proxies.clientAddress("fd00:20::1", "2001:db8::42")).isEqualTo("2001:db8:0:0:0:0:0:42");
    }

    @Test
    void stopsAtAnythingThatIsNotAnAddressAndNeverResolvesNames() {
        assertThat(proxies.clientAddress("10.20.0.2", "evil.example.com, 198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(proxies.clientAddress("10.20.0.2", "unknown")).isEqualTo("10.20.0.2");
        assertThat(proxies.clientAddress("10.20.0.2", "<script>")).isEqualTo("10.20.0.2");
        assertThat(proxies.clientAddress("10.20.0.2", ",,,")).isEqualTo("10.20.0.2");
        assertThat(proxies.clientAddress("10.20.0.2", "x".repeat(10_000))).isEqualTo("10.20.0.2");
    }

    @Test
    void whenEveryHopIsTrustedTheLeftMostIsTheClient() {
        assertThat(proxies.clientAddress("127.0.0.1", "10.20.3.3, 10.20.0.2")).isEqualTo("10.20.3.3");
    }
}
