package dev.onshore.was.payments.internal;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Which gateway serves each market.
 *
 * @param defaultProvider the gateway of markets not listed ({@code sandbox} in the demo)
 * @param providers gateway by market (ISO country), e.g. {@code ID: midtrans}
 */
@Validated
@ConfigurationProperties("onshore.payments")
record PaymentsProperties(String defaultProvider, Map<String, String> providers) {

    PaymentsProperties {
        defaultProvider = defaultProvider == null || defaultProvider.isBlank() ? "sandbox" : defaultProvider;
        providers = providers == null ? Map.of() : Map.copyOf(providers);
    }
}
