package dev.onshore.was.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * A product as operators list it: any status, with its base price and who submitted and approved it.
 *
 * @param name in the requested language, or in English when that translation is missing
 * @param price the base price, in {@code currency}
 * @param submittedBy who submitted it for approval, null while it is a draft never submitted since its last rejection
 * @param approvedBy who approved it, null until approved
 */
public record OperatorProductView(String sku, String brand, String name, String language, BigDecimal price,
        Currency currency, ProductStatus status, @Nullable String submittedBy, @Nullable String approvedBy,
        Instant updatedAt) {
}
