package dev.onshore.was.catalog;

import java.math.BigDecimal;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * A product as one shopper sees it: in one language, with the price of one market.
 *
 * @param name in the requested language, or in English when that translation is missing
 * @param price the market's list price, null when the product is not offered in that market
 * @param currency the market's currency, null with the price
 * @param image the main image with its alternative text in the requested language; null when there is none
 */
public record ProductView(String sku, String brand, String name, String summary, String language,
        @Nullable BigDecimal price, @Nullable Currency currency, ProductStatus status,
        @Nullable ProductImageView image) {
}
