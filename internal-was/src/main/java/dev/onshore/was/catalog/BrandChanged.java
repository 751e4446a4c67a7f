package dev.onshore.was.catalog;

import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * An operator changed a brand's profile (texts or logo) or renamed it. Its storefront page shows the profile, so each
 * node drops the pages it rendered: this node in-process, the others through the topic
 * {@code onshore.catalog.brand-changed} (keyed by name).
 */
@Externalized("onshore.catalog.brand-changed::#{name()}")
public record BrandChanged(UUID eventId, String name, Instant occurredAt) {

    public static BrandChanged of(String name, Instant occurredAt) {
        return new BrandChanged(UUID.randomUUID(), name, occurredAt);
    }
}
