package dev.onshore.was.payments.sandbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The sandbox provider's settings.
 *
 * @param secret signs the sandbox's payment pages and webhooks; the same on every node (not a real secret: no
 *     money moves through the sandbox, but a forged webhook must still be refused)
 * @param publicUrl where shoppers reach this shop (the hosted page is {@code publicUrl/sandbox-pay/…})
 * @param webhookUrl where the webhooks go; null: this node's own endpoint on its local port
 * @param failPayments every payment fails, whichever button is pressed
 * @param webhookDelay how long the webhook waits before its first attempt (a slow provider)
 * @param maxAttempts attempts per webhook, with {@code retryBackoff} doubling in between
 * @param sessionTtl how long a payment page accepts payment
 * @param tolerance how old a webhook's signed timestamp may be
 */
@Validated
@ConfigurationProperties("onshore.payments.sandbox")
record SandboxProperties(@NotBlank String secret, URI publicUrl, @Nullable URI webhookUrl, boolean failPayments,
        Duration webhookDelay, @Min(1) @Max(20) int maxAttempts, Duration retryBackoff, Duration sessionTtl,
        Duration tolerance) {

    SandboxProperties {
        publicUrl = publicUrl == null ? URI.create("http://localhost:8080") : publicUrl;
        webhookDelay = webhookDelay == null ? Duration.ZERO : webhookDelay;
        maxAttempts = maxAttempts == 0 ? 5 : maxAttempts;
        retryBackoff = retryBackoff == null ? Duration.ofMillis(500) : retryBackoff;
        sessionTtl = sessionTtl == null ? Duration.ofMinutes(30) : sessionTtl;
        tolerance = tolerance == null ? Duration.ofMinutes(5) : tolerance;
    }

    @Override
    public String toString() {
        return "SandboxProperties[publicUrl=" + publicUrl + ", webhookUrl=" + webhookUrl + ", failPayments="
                + failPayments + ", webhookDelay=" + webhookDelay + "]";
    }
}
