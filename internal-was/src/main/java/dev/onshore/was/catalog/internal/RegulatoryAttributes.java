package dev.onshore.was.catalog.internal;

import java.util.Map;
import java.util.TreeMap;

/** A product's regulatory attributes for one market, as stored (a flat JSON object of strings). */
record RegulatoryAttributes(Map<String, String> values) {

    RegulatoryAttributes {
        values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
    }
}
