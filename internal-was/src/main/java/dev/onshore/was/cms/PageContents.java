package dev.onshore.was.cms;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A page as operators edit it: every item of every corner, whatever its language and window, unresolved.
 *
 * @param zone the market's time zone, in which the windows are given
 * @param version changes with every change of the page's items; an edit names the version it was made on
 * @param corners the template's corners, in page order
 * @param items per corner (in {@code corners} order) highest priority first
 */
public record PageContents(String market, String pageKey, PageTemplate template, String zone, long version,
        List<String> corners, List<ScheduledItem> items) {

    public PageContents {
        corners = List.copyOf(corners);
        items = List.copyOf(items);
    }

    /**
     * One item as scheduled.
     *
     * @param startsAt wall-clock time in the market's zone, null: from when it was scheduled
     * @param endsAt exclusive, wall-clock time in the market's zone, null: until withdrawn
     * @param content as stored (HTML already sanitized)
     */
    public record ScheduledItem(UUID id, String corner, String language, int priority,
            @Nullable LocalDateTime startsAt, @Nullable LocalDateTime endsAt, ItemContent content) {
    }
}
