package dev.onshore.was.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A product's option and variants, for operators: replaced as a whole, validated field by field. */
public interface ProductVariants {

    /**
     * One variant as operators send and read it.
     *
     * @param priceDelta in the product's base currency, null for the product's price
     * @param ownPrices list prices per market in the market's currency, overriding the rule
     */
    record Variant(String suffix, Map<String, String> labels, @Nullable BigDecimal priceDelta,
            Map<String, BigDecimal> ownPrices, Availability availability) {
    }

    /**
     * The whole set: an option (code and labels) and its variants, or none at all.
     *
     * @param optionCode null together with an empty list of variants
     */
    record Definition(@Nullable String optionCode, Map<String, String> optionLabels, List<Variant> variants) {
    }

    /** The product's option and variants; an empty definition when it has none. */
    Definition variants(Sku sku);

    /**
     * Replaces the product's option and variants.
     *
     * @throws InvalidVariantsException with one violation per field ({@code variants[1].suffix}); nothing changes
     */
    Definition defineVariants(Sku sku, Definition definition, Operator operator);
}
