package dev.onshore.was.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Orders and revenue over a period, per market and charge currency, for the operators' dashboard. */
public interface SalesFigures {

    /**
     * One market and currency.
     *
     * @param orders orders placed in the period, whatever became of them
     * @param paidOrders those of them paid and not cancelled
     * @param revenue what the paid ones charged, in {@code currency}
     * @param revenueInBase the same in the shop's base currency ({@code baseCurrency}, KRW), at each order's rate
     */
    record Sales(String market, String currency, long orders, long paidOrders, BigDecimal revenue,
            String baseCurrency, BigDecimal revenueInBase) {
    }

    /** Orders placed in {@code [from, to)}, by market then currency; never null. */
    List<Sales> between(Instant from, Instant to);
}
