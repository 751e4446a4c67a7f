package dev.onshore.was.catalog.internal;

import dev.onshore.was.catalog.media.*;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One image of a product: a file of the media store, its pixel size (so pages reserve the space before it loads)
 * and its alternative text per language.
 *
 * @param fileName the media store's content-hash name
 * @param alt at least English; every text 1 to {@value #MAX_ALT} characters
 */
@Embeddable
public record ProductImage(@Column(name = "file_name", nullable = false, length = 80) String fileName,
        @Column(nullable = false) int width, @Column(nullable = false) int height,
        @Column(name = "size_bytes", nullable = false) long sizeBytes,
        @Column(name = "alt_texts", nullable = false, columnDefinition = "longtext") AltTexts alt) {

    public static final int MAX_ALT = 250;
    public static final Set<String> LANGUAGES = Set.of("en", "ko", "id", "ms", "zh", "ja", "th", "vi");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}]");

    public ProductImage {
        if (!MediaStore.NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("Not a media store name: " + fileName);
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("An image has a size");
        }
        if (!alt.values().containsKey("en")) {
            throw new IllegalArgumentException("An image needs an English alternative text at least");
        }
        alt.values().forEach((language, text) -> {
            if (!LANGUAGES.contains(language) || !validAlt(text)) {
                throw new IllegalArgumentException("Bad alternative text for " + language);
            }
        });
    }

    public static boolean validAlt(String text) {
        return !text.isBlank() && text.length() <= MAX_ALT && !CONTROL.matcher(text).find();
    }

    public ProductImage(String fileName, int width, int height, long sizeBytes, Map<String, String> alt) {
        this(fileName, width, height, sizeBytes, new AltTexts(alt));
    }

    /** The text for {@code language}, else English. */
    public String altIn(String language) {
        return alt.values().getOrDefault(language, alt.values().get("en"));
    }
}
