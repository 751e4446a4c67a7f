package dev.onshore.was.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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

    /**
     * The narrower copies the media store derives from a PNG or JPEG on first request, served at
     * {@code /media/<sha-256>-<width>w.<ext>}: a phone showing a thumbnail loads a few kilobytes, not the original.
     */
    public static final List<Integer> SMALLER_WIDTHS = List.of(160, 320);

    /**
     * The {@code srcset} of this image: the narrower copies and the original with their widths; null when there is
     * nothing narrower to offer (a WebP, which the store cannot re-encode, or an image already that narrow).
     */
    public @Nullable String srcset() {
        var dot = url.lastIndexOf('.');
        var extension = url.substring(dot + 1);
        if (!extension.equals("png") && !extension.equals("jpg")) {
            return null;
        }
        var candidates = new ArrayList<String>();
        for (var narrower : SMALLER_WIDTHS) {
            if (narrower < width) {
                candidates.add(url.substring(0, dot) + "-" + narrower + "w." + extension + " " + narrower + "w");
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        candidates.add(url + " " + width + "w");
        return String.join(", ", candidates);
    }

    /** The {@code height} attribute for the image shown {@code shownWidth} pixels wide, its aspect ratio kept. */
    public int heightAt(int shownWidth) {
        return Math.max(1, Math.round(height * (float) shownWidth / width));
    }
}
