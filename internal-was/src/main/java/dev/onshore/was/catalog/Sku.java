package dev.onshore.was.catalog;

import java.util.regex.Pattern;

/** A stock-keeping unit: what operators, the warehouse and the storefront URLs call a product. */
public record Sku(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,39}");

    public Sku {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("A SKU is 3 to 40 upper-case letters, digits and dashes: " + value);
        }
    }

    /** The SKU for user input, or null when it cannot be one (for lookups that answer 404 instead of 400). */
    public static @org.jspecify.annotations.Nullable Sku parseOrNull(String candidate) {
        var normalized = candidate == null ? "" : candidate.strip().toUpperCase(java.util.Locale.ROOT);
        return FORMAT.matcher(normalized).matches() ? new Sku(normalized) : null;
    }

    @Override
    public String toString() {
        return value;
    }
}
