package dev.onshore.was.catalog.internal;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A short text per language (an option's or a variant's label), English required, stored as a flat JSON object.
 */
public record Labels(Map<String, String> values) {

    static final int MAX_LENGTH = 80;
    static final Set<String> LANGUAGES = ProductImage.LANGUAGES;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}]");

    public Labels {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
        if (!values.containsKey("en")) {
            throw new IllegalArgumentException("A label needs English at least");
        }
        values.forEach((language, text) -> {
            if (!LANGUAGES.contains(language) || !valid(text)) {
                throw new IllegalArgumentException("Bad label for " + language);
            }
        });
    }

    static boolean valid(String text) {
        return !text.isBlank() && text.length() <= MAX_LENGTH && !CONTROL.matcher(text).find();
    }

    /** The label in {@code language}, else English. */
    String in(String language) {
        return values.getOrDefault(language, values.get("en"));
    }
}
