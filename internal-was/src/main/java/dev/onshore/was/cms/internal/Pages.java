package dev.onshore.was.cms.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Every site's pages, with their items. */
interface Pages extends ListCrudRepository<Page, UUID> {

    Optional<Page> findByMarketAndPageKey(String market, String pageKey);

    @Query("select p from Page p join p.items i where i.id = ?1")
    Optional<Page> findByItem(UUID itemId);

    /** The earliest start or end of any item after {@code after}: when some page next looks different by itself. */
    @Query("select min(case when i.startsAt > ?1 and (i.endsAt is null or i.startsAt < i.endsAt) then i.startsAt"
            + " else i.endsAt end) from Page p join p.items i where i.startsAt > ?1 or i.endsAt > ?1")
    java.util.Optional<java.time.Instant> nextScheduledChange(java.time.Instant after);
}
