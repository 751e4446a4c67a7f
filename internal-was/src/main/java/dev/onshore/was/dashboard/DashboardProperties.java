package dev.onshore.was.dashboard;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param lowStockThreshold a SKU with this many units or fewer is shown as a stock alert
 * @param maxAlerts at most this many stock alerts
 */
@Validated
@ConfigurationProperties("onshore.dashboard")
record DashboardProperties(@DefaultValue("10") @Min(0) int lowStockThreshold, @DefaultValue("20") @Min(1) int maxAlerts) {
}
