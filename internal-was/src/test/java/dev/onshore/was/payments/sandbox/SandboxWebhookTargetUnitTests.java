package dev.onshore.was.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Where the sandbox sends its webhooks when no URL is configured: this node, at the address it listens on. */
class SandboxWebhookTargetUnitTests {

    private static URI target(@Nullable URI configured, MockEnvironment environment) {
        return new SandboxWebhookSender(new SandboxProperties("secret", URI.create("https://shop.example"), configured,
                false, Duration.ZERO, 3, Duration.ofMillis(10), Duration.ofMinutes(30), Duration.ofMinutes(5)),
                environment).target();
    }

    @Test
    void aNodeBoundToOneAddressGetsItsWebhooksThere() {
        // The lab's and the appliance's WAS nodes listen on their own address only: 127.0.0.1 answers nothing.
        var environment = new MockEnvironment().withProperty("server.address", "10.30.0.21")
                .withProperty("local.server.port", "8081");
        assertThat(target(null, environment)).hasToString("http://10.30.0.21:8081/api/payments/webhooks/sandbox");
    }

    @Test
    void aNodeOnEveryAddressOrOnlyOnLoopbackGetsThemOnLoopback() {
        assertThat(target(null, new MockEnvironment().withProperty("local.server.port", "18081")))
                .hasToString("http://127.0.0.1:18081/api/payments/webhooks/sandbox");
        assertThat(target(null, new MockEnvironment().withProperty("server.address", "0.0.0.0")
                .withProperty("server.port", "8081"))).hasToString("http://127.0.0.1:8081/api/payments/webhooks/sandbox");
        assertThat(target(null, new MockEnvironment().withProperty("server.address", "::1")
                .withProperty("server.port", "8081"))).hasToString("http://[::1]:8081/api/payments/webhooks/sandbox");
    }

    @Test
    void aConfiguredUrlWins() {
        var configured = URI.create("https://pay-callbacks.example/api/payments/webhooks/sandbox");
        assertThat(target(configured, new MockEnvironment().withProperty("server.address", "10.30.0.21")))
                .isEqualTo(configured);
    }
}
