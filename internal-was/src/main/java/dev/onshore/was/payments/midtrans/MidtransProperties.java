package dev.onshore.was.payments.midtrans;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Onshore reaches Midtrans. The defaults are Midtrans's sandbox; production sets the two base URLs to
 * {@code https://app.midtrans.com} and {@code https://api.midtrans.com} and a production server key.
 *
 * @param enabled        the adapter exists only when true
 * @param serverKey      the merchant's server key: a secret, read from the configtree file
 *                       {@code onshore.payments.midtrans.server-key} (0600), never written in a YAML file; required
 *                       when enabled
 * @param snapBaseUrl    Snap API host (payment pages)
 * @param apiBaseUrl     Core API host (refunds, Get Status)
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param readTimeout    how long to wait for an answer; past it the call fails as retryable
 * @param paymentExpiry  how long a payment page (and a virtual account opened from it) accepts payment, counted from
 *                       when it is opened; whole minutes
 * @param confirmWithGetStatus whether a notification's outcome is taken from the Get Status API rather than from the
 *                       notification itself (see {@link MidtransGateway#verify})
 */
@Validated
@ConfigurationProperties("onshore.payments.midtrans")
record MidtransProperties(@DefaultValue("false") boolean enabled, @Nullable String serverKey,
        @DefaultValue("https://app.sandbox.midtrans.com") @NotNull URI snapBaseUrl,
        @DefaultValue("https://api.sandbox.midtrans.com") @NotNull URI apiBaseUrl,
        @DefaultValue("5s") @NotNull Duration connectTimeout, @DefaultValue("20s") @NotNull Duration readTimeout,
        @DefaultValue("60m") @NotNull Duration paymentExpiry, @DefaultValue("true") boolean confirmWithGetStatus) {

    MidtransProperties {
        if (paymentExpiry.toMinutes() < 1) {
            throw new IllegalArgumentException("onshore.payments.midtrans.payment-expiry must be at least 1 minute");
        }
    }

    /** The server key, or a failure naming the missing setting; never null. */
    String requiredServerKey() {
        if (serverKey == null || serverKey.isBlank() || serverKey.strip().contains(" ")) {
            throw new IllegalStateException("onshore.payments.midtrans.enabled is true but no usable server key is set"
                    + " (configtree file onshore.payments.midtrans.server-key)");
        }
        return serverKey.strip();
    }

    /** Never shows the server key. */
    @Override
    public String toString() {
        return "MidtransProperties[enabled=" + enabled + ", serverKey=" + (serverKey == null ? "(none)" : "******")
                + ", snapBaseUrl=" + snapBaseUrl + ", apiBaseUrl=" + apiBaseUrl + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + ", paymentExpiry=" + paymentExpiry
                + ", confirmWithGetStatus=" + confirmWithGetStatus + "]";
    }
}
