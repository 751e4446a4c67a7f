package dev.onshore.was.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything the product page shows to a shopper of one market, in one language.
 *
 * @param language the language of the texts (English when the requested one is missing)
 * @param descriptionHtml sanitized HTML (allow-list applied when stored), null when there is none
 * @param price what the shopper pays now: the sale price inside its window, else the list price
 * @param saleEndsAt end of the running sale, null when none runs
 * @param categoryPath from the top category down to the product's own, empty when uncategorized
 * @param regulatory the market's regulatory attributes (e.g. BPOM number), to be shown on the page
 * @param images in display order, the main image first; empty when there are none
 * @param optionLabel what the variants differ in ("Count"), null when the product has no variants
 * @param variants in display order, one of them selected (prices, availability and {@code price} are the selected
 *     variant's); empty when the product has none
 */
public record ProductDetail(String sku, String brand, String name, String summary, String language,
        @Nullable String descriptionHtml, @Nullable String ingredients, @Nullable String usage,
        @Nullable String warnings, BigDecimal listPrice, BigDecimal price, Currency currency,
        @Nullable Instant saleEndsAt, int maxPerOrder, Availability availability, List<CategoryView> categoryPath,
        Map<String, String> regulatory, List<ProductImageView> images, @Nullable String optionLabel,
        List<VariantView> variants) {

    public boolean onSale() {
        return price.compareTo(listPrice) < 0;
    }
}
