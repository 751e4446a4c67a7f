package dev.onshore.was.catalog;

/**
 * This node's shopper-facing views of the catalog (search index included) now show a change to {@code sku}, made
 * here or on another node. In-process only, never externalized: it is the signal to drop whatever was derived from
 * the old state (rendered pages), published after the index caught up so nothing re-derives from a stale index.
 */
public record CatalogViewsChanged(String sku) {
}
