package dev.onshore.was.rates.internal;

import dev.onshore.was.audit.AuditTrail;
import dev.onshore.i18n.rates.ExchangeRate;
import dev.onshore.i18n.rates.ExchangeRates;
import dev.onshore.was.rates.ExchangeRateDesk;
import dev.onshore.was.rates.ExchangeRatesChanged;
import dev.onshore.was.rates.RateInForce;
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
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;

    RateDesk(JdbcRates rates, ExchangeRates exchangeRates, ApplicationEventPublisher events, Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.rates = rates;
        this.exchangeRates = exchangeRates;
        this.events = events;
        this.clock = clock;
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
    public List<ExchangeRate> importEcb(InputStream xml, String operator) throws IOException {
        var recorded = as(operator).importEcb(xml);
        audit.record("rate.import", "rates:ECB", null, recorded);
        return changed(recorded);
    }

    @Override
    public ExchangeRate override(Currency quote, BigDecimal quotePerBase, String reason, String operator) {
        var base = exchangeRates.settings().base();
        var before = rates.effectiveAt(base, quote, clock.instant()).orElse(null);
        var after = as(operator).override(quote, quotePerBase, reason.strip());
        audit.record("rate.override", "rate:" + base.getCurrencyCode() + "/" + quote.getCurrencyCode(), before, after);
        return changed(List.of(after)).getFirst();
    }

    private ExchangeRates as(String operator) {
        return new ExchangeRates(rates.recordedBy(operator), exchangeRates.settings(), clock);
    }

    /** Announces what was recorded; listeners hear of it after this transaction commits. */
    private List<ExchangeRate> changed(List<ExchangeRate> recorded) {
        events.publishEvent(ExchangeRatesChanged.of(recorded.stream().map(ExchangeRate::quote).toList(),
                clock.instant()));
        return recorded;
    }
}
