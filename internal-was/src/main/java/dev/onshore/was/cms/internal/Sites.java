package dev.onshore.was.cms.internal;

import org.springframework.data.repository.ListCrudRepository;

/** Every market's site. */
interface Sites extends ListCrudRepository<Site, String> {
}
