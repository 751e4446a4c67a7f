package dev.onshore.was.inventory;

import java.util.List;

/** SKUs running low, for the operators' dashboard. */
public interface StockAlerts {

    /** A SKU with {@code available} units left, not counting those reserved for unpaid orders. */
    record LowStock(String sku, int available) {
    }

    /** SKUs with at most {@code threshold} units available, fewest first, at most {@code limit} of them. */
    List<LowStock> atMost(int threshold, int limit);
}
