/**
 * The back office's statistics and batch-job screens: a period's sales by day (KST), market, currency, category and
 * product with a chart and the table's exports (CSV, .xlsx), and the scheduled jobs' recent runs. Every figure comes
 * from the internal WAS's admin API, which checks the operator's roles again.
 */
@NullMarked
package dev.onshore.admin.statistics;

import org.jspecify.annotations.NullMarked;
