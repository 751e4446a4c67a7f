package dev.onshore.edge;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the edge waits for the internal tier.
 *
 * @param connectTimeout a dead node fails fast (502)
 * @param responseTimeout an internal node that accepted the request but does not answer in this time: 504
 */
@Validated
@ConfigurationProperties("onshore.gateway.upstream")
record UpstreamProperties(@DefaultValue("2s") @NotNull Duration connectTimeout,
        @DefaultValue("30s") @NotNull Duration responseTimeout) {
}
