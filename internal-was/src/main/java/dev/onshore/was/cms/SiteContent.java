package dev.onshore.was.cms;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the storefront and the admin API may ask of the CMS. */
public interface SiteContent {

    String HOME = "home";

    /**
     * The page {@code pageKey} of {@code market}'s site as a shopper reading {@code language} sees it at {@code at}
     * (now for shoppers, a future date for an operator's preview). Empty when the market has no such page.
     * Per corner, items written in {@code language} are shown; when a corner has none live, those of the site's
     * default language, then English; items for every language ({@code *}) always are.
     */
    Optional<ResolvedPage> resolve(String market, String language, String pageKey, Instant at);

    /**
     * Puts an item into a corner of a page (created with {@code template} when the site has no such page yet).
     * Start and end are wall-clock times in the market's time zone (what operators type), stored as UTC instants;
     * null means "from now" or "until withdrawn". HTML is sanitized before it is stored.
     *
     * @param language a language code, or {@code *} for every language
     * @param priority higher shows first within the corner
     * @throws IllegalArgumentException for an unknown market, a corner the template lacks, or an empty window
     */
    UUID schedule(String market, String pageKey, PageTemplate template, String corner, String language,
            int priority, @Nullable LocalDateTime startsAt, @Nullable LocalDateTime endsAt, ItemContent content);

    /** Every market of the shop with its site (zone, fallback language, pages), in the shop's market order. */
    List<SiteSummary> sites();

    /** A page's items as operators edit them; empty when the market has no such page yet. */
    Optional<PageContents> contents(String market, String pageKey);

    /**
     * Replaces an item with the one described (a new id; the old one is gone), on the page version the operator saw.
     * Same rules as {@link #schedule}; empty when there is no item {@code itemId}.
     *
     * @param version the {@link PageContents#version()} the edit was made on
     * @throws StalePageException when the page changed since that version
     * @throws IllegalArgumentException as {@link #schedule} does
     */
    Optional<UUID> reschedule(UUID itemId, long version, String corner, String language, int priority,
            @Nullable LocalDateTime startsAt, @Nullable LocalDateTime endsAt, ItemContent content);

    /** Removes an item; false when there was none with that id. */
    boolean withdraw(UUID itemId);

    /**
     * The first moment after {@code after} at which some page changes by itself (an item's window starts or ends);
     * empty when nothing is scheduled. Whatever caches rendered pages must not keep them past it.
     */
    Optional<Instant> nextScheduledChange(Instant after);
}
