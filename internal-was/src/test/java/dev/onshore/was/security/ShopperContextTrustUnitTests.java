package dev.onshore.was.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.i18n.context.HopSignature;
import dev.onshore.was.TestClock;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ShopperContextTrustUnitTests {

    private static final String KEY = "current-key-0123456789abcdefghijklmnopqrs";
    private static final String OLD_KEY = "previous-key-0123456789abcdefghijklmnopq";

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    private final TestClock clock = TestClock.at(NOW);
    private final ShopperContextTrust trust = new ShopperContextTrust(
            new HopProperties(Map.of("current", KEY, "previous", OLD_KEY), Duration.ofSeconds(30)), clock);

    private static MockHttpServletRequest shopperRequest() {
        var request = new MockHttpServletRequest("GET", "/id-id/p/HS-VITC-1000");
        request.addHeader("X-Onshore-Country", "ID");
        request.addHeader("X-Onshore-Locale", "id-ID");
        request.addHeader("X-Onshore-Client-IP", "198.51.100.7");
        request.addHeader("X-Onshore-Operator", "someone");
        return request;
    }

    private static void sign(MockHttpServletRequest request, String key, Instant at) {
        request.addHeader(HopSignature.HEADER, HopSignature.sign(key, request.getMethod(), request.getRequestURI(),
                name -> request.getHeader(name), at));
    }

    private HttpServletRequest passedOn(MockHttpServletRequest request) throws Exception {
        var chain = new MockFilterChain();
        trust.doFilter(request, new MockHttpServletResponse(), chain);
        return (HttpServletRequest) chain.getRequest();
    }

    @Test
    void believesTheShopperContextOnARequestTheEdgeSigned() throws Exception {
        var request = shopperRequest();
        sign(request, KEY, NOW);

        var seen = passedOn(request);

        assertThat(seen.getHeader("X-Onshore-Country")).isEqualTo("ID");
        assertThat(seen.getHeader("X-Onshore-Locale")).isEqualTo("id-ID");
        assertThat(seen.getHeader("X-Onshore-Client-IP")).isEqualTo("198.51.100.7");
    }

    @Test
    void aDirectCallerGetsNoShopperContext() throws Exception {
        var seen = passedOn(shopperRequest());

        assertThat(seen.getHeader("X-Onshore-Country")).isNull();
        assertThat(seen.getHeader("x-onshore-locale")).isNull();
        assertThat(Collections.list(seen.getHeaders("X-Onshore-Client-IP"))).isEmpty();
        assertThat(Collections.list(seen.getHeaderNames())).noneMatch(n -> n.equalsIgnoreCase("X-Onshore-Country"));
        assertThat(seen.getHeader("X-Onshore-Operator")).as("not a shopper-context header").isEqualTo("someone");
    }

    @Test
    void aForgedStaleOrUnknownSignatureGetsNoShopperContext() throws Exception {
        var tampered = shopperRequest();
        sign(tampered, KEY, NOW);
        tampered.addHeader("X-Onshore-Currency", "USD");

        var stale = shopperRequest();
        sign(stale, KEY, NOW.minusSeconds(60));

        var foreign = shopperRequest();
        sign(foreign, "some-other-key-that-nobody-accepted-here", NOW);

        var doubled = shopperRequest();
        sign(doubled, KEY, NOW);
        doubled.addHeader("X-Onshore-Country", "US");

        for (var request : new MockHttpServletRequest[] {tampered, stale, foreign, doubled}) {
            assertThat(passedOn(request).getHeader("X-Onshore-Country")).isNull();
        }
    }

    @Test
    void aSignatureThatWasFreshIsRefusedOnceTheMaximumAgeHasPassed() throws Exception {
        var fresh = shopperRequest();
        sign(fresh, KEY, NOW);
        assertThat(passedOn(fresh).getHeader("X-Onshore-Country")).isEqualTo("ID");

        clock.advance(Duration.ofSeconds(31));
        var replayed = shopperRequest();
        sign(replayed, KEY, NOW);

        assertThat(passedOn(replayed).getHeader("X-Onshore-Country")).isNull();
    }

    @Test
    void thePreviousKeyIsAcceptedDuringARotation() throws Exception {
        var request = shopperRequest();
        sign(request, OLD_KEY, NOW);

        assertThat(passedOn(request).getHeader("X-Onshore-Country")).isEqualTo("ID");
    }

    @Test
    void withoutAnyKeyNothingIsBelieved() throws Exception {
        var keyless = new ShopperContextTrust(new HopProperties(Map.of("current", " "), Duration.ofSeconds(30)),
                clock);
        var request = shopperRequest();
        sign(request, KEY, NOW);
        var chain = new MockFilterChain();

        keyless.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(((HttpServletRequest) chain.getRequest()).getHeader("X-Onshore-Country")).isNull();
    }
}
