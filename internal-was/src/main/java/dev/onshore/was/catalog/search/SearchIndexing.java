package dev.onshore.was.catalog.search;

import dev.onshore.was.catalog.internal.*;
import dev.onshore.was.catalog.CatalogViewsChanged;
import dev.onshore.was.catalog.ProductChanged;
import dev.onshore.was.catalog.ProductPublished;
import dev.onshore.was.catalog.ProductSuspended;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.hibernate.search.mapper.orm.Search;
import org.jspecify.annotations.Nullable;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps this node's search index in step with the catalog: a full rebuild when the node is ready (the catalog of a
 * D2C brand is hundreds of products: seconds), then one document per event, after the change committed. The
 * listeners go through the event publication registry, so a crash between commit and indexing is retried.
 */
@Component
class SearchIndexing {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexing.class);

    private final EntityManager entityManager;
    private final EntityManagerFactory entityManagerFactory;
    private final Products products;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private volatile @Nullable Instant scheduleCheckedUpTo;
    /** Reindexings of one SKU take turns (striped by SKU): see {@link #reindex}. */
    private final ReentrantLock[] turns = new ReentrantLock[64];

    SearchIndexing(EntityManager entityManager, EntityManagerFactory entityManagerFactory, Products products,
            TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.entityManagerFactory = entityManagerFactory;
        this.products = products;
        this.transactions = transactions;
        this.events = events;
        for (int i = 0; i < turns.length; i++) {
            turns[i] = new ReentrantLock();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuild() {
        // Not the MassIndexer: it adds documents without deleting, so an event indexed concurrently would leave a
        // duplicate. Updates by id are idempotent, and a few hundred products take well under a second.
        scheduleCheckedUpTo = clock.instant();
        var started = System.nanoTime();
        Search.mapping(entityManagerFactory).scope(Product.class).workspace().purge();
        transactions.executeWithoutResult(status -> {
            var plan = Search.session(entityManager).indexingPlan();
            products.findAll().forEach(plan::addOrUpdate);
        });
        log.info("Search index rebuilt in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * A sale starting or ending changes a product's price (its sort position and price facet) with no event: every
     * node reindexes, on its own, the products whose sale window opened or closed since its last look.
     */
    @Scheduled(fixedDelayString = "${onshore.catalog.schedule-check:PT1S}")
    void followSaleWindows() {
        var from = scheduleCheckedUpTo;
        if (from == null) {
            return; // not rebuilt yet: the rebuild indexes the current prices
        }
        var now = clock.instant();
        var due = products.findSkusWithSaleBoundaryIn(from, now);
        scheduleCheckedUpTo = now;
        if (!due.isEmpty()) {
            log.info("Sale windows opened or closed for {}: reindexing", due);
            due.forEach(this::reindex);
        }
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ProductPublished event) {
        reindex(event.sku());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ProductSuspended event) {
        reindex(event.sku());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ProductChanged event) {
        reindex(event.sku());
    }

    /**
     * Reindexes one product and waits until searches see it (read-sync: committed and refreshed), then tells this
     * node's page renderers; a page rendered after that signal cannot come from the old index.
     *
     * <p>The listeners of two quick changes of one product (a suspension, then a publication) run concurrently: each
     * reads the product, and its document is written when its transaction commits. Without taking turns, the first
     * could read the suspended product, the second the published one and write first, and the first then overwrite
     * it: the index would keep a state the product no longer has. In turns, the later one reads what the earlier
     * change committed. So the listeners open no transaction of their own: {@link #reindex}'s commits inside its turn.
     */
    void reindex(String sku) {
        var turn = turns[Math.floorMod(sku.hashCode(), turns.length)];
        turn.lock();
        try {
            transactions.executeWithoutResult(status -> products.findBySku(sku).ifPresent(product -> {
                var session = Search.session(entityManager);
                session.indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.readSync());
                session.indexingPlan().addOrUpdate(product);
            }));
        } finally {
            turn.unlock();
        }
        events.publishEvent(new CatalogViewsChanged(sku));
    }
}
