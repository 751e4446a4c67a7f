package dev.onshore.was.catalog;

import org.jspecify.annotations.Nullable;

/**
 * This node's shopper-facing views of the catalog (search index included) now show a change to {@code sku}, made
 * here or on another node, or a change of the category tree ({@code sku} null: it shows on every page). In-process
 * only, never externalized: it is the signal to drop whatever was derived from the old state (rendered pages),
 * published after the index caught up so nothing re-derives from a stale index.
 */
public record CatalogViewsChanged(@Nullable String sku) {

    /** The category tree changed: names, order, categories added or deleted. */
    public static CatalogViewsChanged ofCategories() {
        return new CatalogViewsChanged(null);
    }
}
