package dev.onshore.was.catalog;

import java.util.Map;

/**
 * A product image as pages show it.
 *
 * @param url the path it is served from ({@code /media/<sha-256>.<ext>}), cacheable for a year
 * @param alt the alternative text in the page's language, else English
 * @param width pixels, for the {@code width} attribute (no layout shift while it loads)
 * @param height pixels, for the {@code height} attribute
 * @param alts every alternative text by language (for operators)
 */
public record ProductImageView(String url, String alt, int width, int height, Map<String, String> alts) {
}
