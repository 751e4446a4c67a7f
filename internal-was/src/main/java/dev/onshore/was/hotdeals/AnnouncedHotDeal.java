package dev.onshore.was.hotdeals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A deal as the storefront and the edge's waiting room see it: what the gate covers ({@code paths}: the product's
 * pages in every locale; {@code checkoutPaths}: the deal's checkout), its window and admission rate, and whether it
 * is sold out. The storefront counts down to {@code startsAt} in the viewer's own time zone.
 */
public record AnnouncedHotDeal(String id, String sku, List<String> paths, List<String> checkoutPaths,
        Instant startsAt, Instant endsAt, int admissionsPerMinute, int units, int perCustomerLimit, BigDecimal price,
        String currency, boolean soldOut) {
}
