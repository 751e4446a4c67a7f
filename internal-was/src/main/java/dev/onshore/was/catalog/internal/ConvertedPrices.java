package dev.onshore.was.catalog.internal;

import dev.onshore.was.catalog.ProductChanged;
import dev.onshore.was.rates.ExchangeRatesChanged;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Converted prices follow the exchange rates: when rates change, every product with a converted offer changed too.
 * Each is announced as a {@link ProductChanged}, the same externalized event as any other product change, so that
 * every node re-indexes it (price facets and sorting) and drops its rendered pages.
 */
@Component
class ConvertedPrices {

    private final Products products;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConvertedPrices(Products products, ApplicationEventPublisher events, Clock clock) {
        this.products = products;
        this.events = events;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ExchangeRatesChanged event) {
        var now = clock.instant();
        products.findAll().stream()
                .filter(product -> product.offers().values().stream().anyMatch(MarketOffer::converted))
                .forEach(product -> events.publishEvent(ProductChanged.of(product.sku(), now)));
    }
}
