package dev.onshore.was.catalog;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What operators do with brands. A brand is the name every product carries, and the storefront's brand pages are
 * derived from those names. So a brand is listed while some product has it, and renaming one renames it on each of
 * its products; renaming it to a name another brand already has merges the two. Every rename is audited in its
 * transaction and each product changed announces a {@link ProductChanged}, so search documents and rendered pages
 * follow.
 *
 * <p>A brand also has a profile: a logo and, per language, the name shoppers read (Korean 한빛헬스 for Hanbit
 * Health) and a short description, shown on its storefront page. Profile edits name the version they were made on;
 * an edit of an older version is refused ({@link StaleBrandException}) with the current profile. A rename carries the
 * profile to the new name; a merge keeps the target's texts and logo and adds the renamed brand's where the target
 * has none.
 */
public interface BrandAdministration {

    /** The longest brand a product can carry ({@code product.brand} is {@code VARCHAR(80)}). */
    int MAX_NAME = 80;

    /** The longest description of a brand, per language. */
    int MAX_DESCRIPTION = 600;

    /**
     * A brand's texts in one language: the name shoppers read there and an optional description. As an edit, a
     * language whose display name and description are both blank is removed.
     */
    record BrandText(@Nullable String displayName, @Nullable String description) {
    }

    /**
     * A brand's profile.
     *
     * @param version 0 until an operator first saved a text or a logo; each save adds one
     * @param logo the logo's URL on the storefront ({@code /media/<sha-256>.<ext>}), null when it has none
     * @param texts by language ({@code en}, {@code ko}, ...)
     */
    record BrandProfile(String name, long version, @Nullable String logo, Map<String, BrandText> texts) {

        public BrandProfile {
            texts = Map.copyOf(texts);
        }
    }

    /** A profile edit: the version it was made on and every language's texts (those left out are removed). */
    record BrandProfileEdit(long version, @Nullable Map<String, BrandText> texts) {
    }

    /**
     * A brand as operators manage it.
     *
     * @param products how many products carry it, whatever their status
     * @param published how many of them shoppers can see
     * @param byStatus how many of them are in each status; a status no product of the brand is in is left out
     * @param logo the logo's URL, null when it has none
     * @param languages the languages its profile names it in, sorted
     */
    record BrandSummary(String name, long products, long published, Map<ProductStatus, Long> byStatus,
            @Nullable String logo, List<String> languages) {

        public BrandSummary {
            byStatus = Map.copyOf(byStatus);
            languages = List.copyOf(languages);
        }

        /** The brand with its counts by status (the totals follow from them) and its profile's logo and languages. */
        public static BrandSummary of(String name, Map<ProductStatus, Long> byStatus, @Nullable String logo,
                List<String> languages) {
            return new BrandSummary(name, byStatus.values().stream().mapToLong(Long::longValue).sum(),
                    byStatus.getOrDefault(ProductStatus.PUBLISHED, 0L), byStatus, logo, languages);
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

    /**
     * The brand's profile (version 0 and nothing in it until an operator saved one).
     *
     * @throws UnknownBrandException when no product carries {@code name}
     */
    BrandProfile profile(String name);

    /**
     * Replaces the brand's texts, audited as {@code brand.profile}.
     *
     * @throws UnknownBrandException when no product carries {@code name}
     * @throws StaleBrandException when the edit was made on another version than the current one; nothing changed
     * @throws InvalidBrandException with one violation per field ({@code texts.<language>.displayName} required or
     *     too long, {@code texts.<language>.description} too long, {@code texts.<language>} unknown)
     */
    BrandProfile saveProfile(String name, BrandProfileEdit edit);

    /**
     * Gives the brand this logo (a PNG, JPEG or WebP, read from its bytes), audited as {@code brand.logo}.
     *
     * @throws InvalidBrandException for field {@code file}: {@code required}, {@code tooLarge} or {@code format}
     */
    BrandProfile changeLogo(String name, byte[] bytes);

    /** Takes the brand's logo away; the profile as it is when it has none. */
    BrandProfile removeLogo(String name);

    /** Logos larger than this are refused (the product images' limit). */
    long maxLogoBytes();
}
