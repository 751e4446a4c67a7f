package dev.onshore.was.catalog;

import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * An operator added, renamed, moved or deleted a category. Shoppers see the tree on every page (navigation,
 * breadcrumbs, category pages), so each node drops what it derived from the old tree: this node in-process, the
 * others through the topic {@code onshore.catalog.category-changed} (keyed by code). Products' search documents hold
 * only category codes, which an edit never changes, so nothing is reindexed.
 */
@Externalized("onshore.catalog.category-changed::#{code()}")
public record CategoryChanged(UUID eventId, String code, Instant occurredAt) {

    public static CategoryChanged of(String code, Instant occurredAt) {
        return new CategoryChanged(UUID.randomUUID(), code, occurredAt);
    }
}
