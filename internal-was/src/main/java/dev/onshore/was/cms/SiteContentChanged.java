package dev.onshore.was.cms;

import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * An item was scheduled on or withdrawn from a page of {@code market}'s site. Externalized (topic
 * {@code onshore.cms.site-changed}, keyed by market) so every WAS node drops pages rendered from the old content.
 */
@Externalized("onshore.cms.site-changed::#{market()}")
public record SiteContentChanged(UUID eventId, String market, Instant occurredAt) {

    public static SiteContentChanged of(String market, Instant occurredAt) {
        return new SiteContentChanged(UUID.randomUUID(), market, occurredAt);
    }
}
