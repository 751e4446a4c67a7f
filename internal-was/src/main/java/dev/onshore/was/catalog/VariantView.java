package dev.onshore.was.catalog;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One variant of a product as a shopper of one market sees it.
 *
 * @param suffix what tells the variant apart in URLs and forms ({@code 60})
 * @param sku the variant's own SKU: the product's plus {@code -suffix}
 * @param label in the page's language, else English ("60 capsules")
 * @param price what it costs in the market now, in the product detail's currency; null when it cannot be bought
 *     there (discontinued, or its price needs a rate that is stale)
 * @param selected the variant the page shows
 */
public record VariantView(String suffix, String sku, String label, @Nullable BigDecimal price,
        Availability availability, boolean selected) {

    public boolean buyable() {
        return price != null && availability == Availability.IN_STOCK;
    }
}
