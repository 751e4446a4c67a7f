package dev.onshore.was.catalog.internal;

import dev.onshore.i18n.rates.ExchangeRate;
import dev.onshore.i18n.rates.ExchangeRates;
import dev.onshore.was.catalog.ExchangeRateDesk;
import dev.onshore.was.catalog.Operator;
import dev.onshore.was.catalog.ProductChanged;
import dev.onshore.was.catalog.RateInForce;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class RateDesk implements ExchangeRateDesk {

    private final JdbcRates rates;
    private final ExchangeRates exchangeRates;
    private final Products products;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    RateDesk(JdbcRates rates, ExchangeRates exchangeRates, Products products, ApplicationEventPublisher events) {
        this.rates = rates;
        this.exchangeRates = exchangeRates;
        this.products = products;
        this.events = events;
    }

    @Override
    public Currency base() {
        return exchangeRates.settings().base();
    }

    @Override
    @Transactional(readOnly = true)
    public List<RateInForce> inForce() {
        var now = clock.instant();
        var settings = exchangeRates.settings();
        return rates.quotes(settings.base()).stream().sorted(Comparator.comparing(Currency::getCurrencyCode))
                .flatMap(quote -> rates.effectiveAt(settings.base(), quote, now).stream())
                .map(rate -> {
                    var age = Duration.between(rate.effectiveFrom(), now);
                    return new RateInForce(rate.base(), rate.quote(), rate.rate(), rate.effectiveFrom(), rate.source(),
                            rate.reason(), rates.recorder(rate.id()).orElse(null), age,
                            age.compareTo(settings.maxAge()) > 0);
                }).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ExchangeRate> history(Currency quote) {
        return exchangeRates.history(quote);
    }

    @Override
    public List<ExchangeRate> importEcb(InputStream xml, Operator operator) throws IOException {
        var imported = as(operator).importEcb(xml);
        reprice();
        return imported;
    }

    @Override
    public ExchangeRate override(Currency quote, BigDecimal quotePerBase, String reason, Operator operator) {
        var rate = as(operator).override(quote, quotePerBase, reason.strip());
        reprice();
        return rate;
    }

    private ExchangeRates as(Operator operator) {
        return new ExchangeRates(rates.recordedBy(operator.name()), exchangeRates.settings(), clock);
    }

    /**
     * Converted prices changed: every node re-indexes the products priced so (price facets and sorting), through
     * the same externalized event as any other product change, sent after this transaction commits.
     */
    private void reprice() {
        products.findAll().stream().filter(product -> product.offers().values().stream().anyMatch(MarketOffer::converted))
                .forEach(product -> events.publishEvent(ProductChanged.of(product.sku())));
    }
}
