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
}
