/**
 * Sales statistics for operators (admin API {@code /api/admin/statistics/sales}): a period's sales by day (KST),
 * market, currency, category and product, in the charge currency and in KRW at each order's recorded rate. The
 * orders area sums in the database; the categories come from the catalog's API.
 */
@NullMarked
@ApplicationModule(displayName = "Statistics", allowedDependencies = {"orders", "catalog", "adminapi"})
package dev.onshore.was.statistics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
