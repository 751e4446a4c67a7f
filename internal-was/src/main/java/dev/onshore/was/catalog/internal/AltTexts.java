package dev.onshore.was.catalog.internal;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** An image's alternative text per language, as stored (a flat JSON object). */
public record AltTexts(Map<String, String> values) {

    public AltTexts {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }
}
