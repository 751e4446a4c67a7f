package dev.onshore.was.catalog.internal;

import dev.onshore.was.catalog.BrandChanged;
import dev.onshore.was.catalog.CatalogViewsChanged;
import dev.onshore.was.catalog.CategoryChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Makes this node's storefront show a changed category tree or brand profile: once the change committed, the tree
 * this node read is forgotten, then {@link CatalogViewsChanged} drops the pages and answers derived from it. Changes
 * made here arrive in-process; other nodes' through their topics (see {@code OtherNodesChanges}).
 */
@Component
public class CategoryChanges {

    private final CatalogService catalog;
    private final ApplicationEventPublisher events;

    CategoryChanges(CatalogService catalog, ApplicationEventPublisher events) {
        this.catalog = catalog;
        this.events = events;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CategoryChanged event) {
        refresh();
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(BrandChanged event) {
        refresh();
    }

    /** The category tree or a brand's profile changed (here or on another node): shoppers' views are derived from it again. */
    public void refresh() {
        catalog.forgetCategories();
        events.publishEvent(CatalogViewsChanged.ofCategories());
    }
}
