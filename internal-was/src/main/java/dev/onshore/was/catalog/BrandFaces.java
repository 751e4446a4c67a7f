package dev.onshore.was.catalog;

import org.jspecify.annotations.Nullable;

/** How the storefront shows a brand: its name in the shopper's language, its description and its logo. */
public interface BrandFaces {

    /**
     * A brand as shoppers of one language see it.
     *
     * @param name the name its products carry (the storefront's brand filter and URL use it)
     * @param displayName the name in the language asked for, else in English, else {@code name}
     * @param description in the language of {@code displayName}; null when there is none
     * @param logo the logo's URL, null when it has none; {@code logoWidth} and {@code logoHeight} are its pixels
     */
    record BrandFace(String name, String displayName, @Nullable String description, @Nullable String logo,
            int logoWidth, int logoHeight) {
    }

    /** {@code brand} for shoppers reading {@code language}; a brand without a profile shows its name only. */
    BrandFace face(String brand, String language);

    /** The name of every brand with a profile as shoppers of {@code language} read it (else English), by brand. */
    java.util.Map<String, String> displayNames(String language);
}
