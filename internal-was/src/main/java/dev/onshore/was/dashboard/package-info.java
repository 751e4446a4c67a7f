/**
 * The operators' dashboard (admin API {@code /api/admin/dashboard}): today's orders and revenue by market and
 * currency, stock alerts, the hot deals' state and the batch jobs' recent failures, each read through its area's public API.
 */
@NullMarked
@ApplicationModule(displayName = "Dashboard", allowedDependencies = {"orders", "inventory", "hotdeals", "jobs", "adminapi"})
package dev.onshore.was.dashboard;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
