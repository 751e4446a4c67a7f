package dev.onshore.admin.statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The sales report as the internal WAS's admin API answers it ({@code /api/admin/statistics/sales}).
 *
 * @param from the first day, inclusive (KST)
 * @param to the last day, inclusive (KST)
 */
record SalesReport(LocalDate from, LocalDate to, String zone, List<Figure> byDay, List<Figure> byMarket,
        List<Figure> byCurrency, List<Figure> byCategory, List<Figure> byProduct, List<RatesUsed> ratesUsed) {

    /** One group in one charge currency; {@code revenueInBase} at each order's recorded rate. */
    record Figure(String key, String label, String currency, long orders, long paidOrders, long units,
            BigDecimal revenue, String baseCurrency, BigDecimal revenueInBase) {
    }

    /** The recorded rates the paid orders of a currency were converted with. */
    record RatesUsed(String currency, String baseCurrency, long paidOrders, BigDecimal lowest, BigDecimal highest,
            Instant firstAsOf, Instant lastAsOf) {
    }
}
