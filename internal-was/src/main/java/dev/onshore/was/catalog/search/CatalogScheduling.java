package dev.onshore.was.catalog.search;

import dev.onshore.was.catalog.internal.*;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link SearchIndexing#followSaleWindows()}: prices that change with the clock, not with an event. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CatalogScheduling {
}
