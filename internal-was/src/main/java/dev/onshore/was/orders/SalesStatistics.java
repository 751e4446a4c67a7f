package dev.onshore.was.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Sales over a period, summed by the database: by day, market, currency (order totals) and by product (order lines).
 * A sale is an order paid and not cancelled ({@code PAID} up to {@code CONFIRMED}); {@code orders} counts every order
 * placed, whatever became of it. Amounts in the base currency (KRW) use the rate each order recorded when it was
 * priced ({@code rate_to_base}), never today's rate.
 */
public interface SalesStatistics {

    /**
     * One group of orders in one charge currency.
     *
     * @param key the day ({@code 2026-06-17}), market, currency or SKU
     * @param label a product's name as its last sale recorded it; otherwise equal to {@code key}
     * @param orders orders placed (for a product: paid orders with it)
     * @param paidOrders those paid and not cancelled
     * @param units units sold (paid order lines); 0 where lines are not summed (days, markets, currencies)
     * @param revenue for days, markets and currencies the paid orders' totals (shipping and tax included, coupon
     *     discounts off); for products the paid lines' unit price × quantity; in {@code currency}
     * @param revenueInBase the same in {@code baseCurrency}, at each order's recorded rate, scale 4
     */
    record Figure(String key, String label, String currency, long orders, long paidOrders, long units,
            BigDecimal revenue, String baseCurrency, BigDecimal revenueInBase) {
    }

    /**
     * The rates the paid orders of a currency recorded: what {@code revenueInBase} was converted with.
     *
     * @param lowest base units per charge unit, the lowest recorded
     * @param highest the highest recorded
     * @param firstAsOf when the oldest rate used took effect
     * @param lastAsOf when the newest rate used took effect
     */
    record RatesUsed(String currency, String baseCurrency, long paidOrders, BigDecimal lowest, BigDecimal highest,
            Instant firstAsOf, Instant lastAsOf) {
    }

    /** Orders placed in {@code [from, to)} by day: a day runs from midnight to midnight at {@code offset}. */
    List<Figure> byDay(Instant from, Instant to, ZoneOffset offset);

    /** Orders placed in {@code [from, to)} by market and currency. */
    List<Figure> byMarket(Instant from, Instant to);

    /** Orders placed in {@code [from, to)} by charge currency. */
    List<Figure> byCurrency(Instant from, Instant to);

    /** Paid order lines of orders placed in {@code [from, to)} by SKU and currency, highest base revenue first. */
    List<Figure> byProduct(Instant from, Instant to);

    /** The recorded rates of the paid orders placed in {@code [from, to)}, by currency. */
    List<RatesUsed> ratesUsed(Instant from, Instant to);
}
