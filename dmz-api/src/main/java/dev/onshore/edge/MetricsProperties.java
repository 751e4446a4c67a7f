package dev.onshore.edge;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may read {@code /actuator/prometheus}, the one actuator path besides the health probes the edge answers.
 *
 * @param scrapers addresses (CIDR) of the Prometheus hosts, exactly: never a block that holds the WAF or the DMZ L4,
 *     whose relayed requests would then look like scrapes
 */
@Validated
@ConfigurationProperties("onshore.metrics")
record MetricsProperties(@DefaultValue({"127.0.0.1/32", "::1/128"}) @NotNull List<String> scrapers) {
}
