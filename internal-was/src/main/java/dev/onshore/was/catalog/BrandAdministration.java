package dev.onshore.was.catalog;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What operators do with brands. A brand is no record of its own: it is the name every product carries, and the
 * storefront's brand pages are derived from those names. So a brand is listed while some product has it, and
 * renaming one renames it on each of its products; renaming it to a name another brand already has merges the two.
 * Every rename is audited in its transaction and each product changed announces a {@link ProductChanged}, so search
 * documents and rendered pages follow.
 */
public interface BrandAdministration {

    /** The longest brand a product can carry ({@code product.brand} is {@code VARCHAR(80)}). */
    int MAX_NAME = 80;

    /**
     * A brand as operators manage it.
     *
     * @param products how many products carry it, whatever their status
     * @param published how many of them shoppers can see
     * @param byStatus how many of them are in each status; a status no product of the brand is in is left out
     */
    record BrandSummary(String name, long products, long published, Map<ProductStatus, Long> byStatus) {

        public BrandSummary {
            byStatus = Map.copyOf(byStatus);
        }

        /** The brand with its counts by status; the totals follow from them. */
        public static BrandSummary of(String name, Map<ProductStatus, Long> byStatus) {
            return new BrandSummary(name, byStatus.values().stream().mapToLong(Long::longValue).sum(),
                    byStatus.getOrDefault(ProductStatus.PUBLISHED, 0L), byStatus);
        }
    }

    /** A new name for a brand; blank or longer than {@link #MAX_NAME} is refused. */
    record BrandRename(@Nullable String name) {
    }

    /**
     * What a rename did.
     *
     * @param products how many products were renamed
     * @param merged true when the new name was already another brand's: the two are one brand now
     */
    record BrandRenamed(String from, String to, long products, boolean merged) {
    }

    /** Every brand with its product counts, by name. */
    List<BrandSummary> brands();

    /**
     * Gives every product of brand {@code name} the new name, in one transaction.
     *
     * @throws UnknownBrandException when no product carries {@code name}
     * @throws InvalidBrandException with one violation per field (blank, too long, the same name); nothing changed
     */
    BrandRenamed rename(String name, BrandRename rename);
}
