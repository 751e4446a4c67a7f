package dev.onshore.admin;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may read {@code /actuator/prometheus}.
 *
 * @param scrapers addresses (CIDR) of the Prometheus hosts, exactly: never the operators' network
 */
@Validated
@ConfigurationProperties("onshore.metrics")
record MetricsProperties(@DefaultValue({"127.0.0.1/32", "::1/128"}) @NotNull List<String> scrapers) {
}
