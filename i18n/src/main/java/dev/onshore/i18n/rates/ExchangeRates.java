package dev.onshore.i18n.rates;

import dev.onshore.i18n.market.Market;
import dev.onshore.i18n.money.Money;
import dev.onshore.i18n.money.PriceRounding;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Exchange rates as a capability: record imports and overrides, convert prices for a market with its markup and
 * rounding, refuse stale rates, and tell how old the rates are (for a gauge and an alert). Thread-safe when its
 * {@link Rates} is.
 */
public final class ExchangeRates {

    /** Precision of conversions: 34 significant digits, far beyond any minor unit. */
    static final MathContext PRECISION = MathContext.DECIMAL128;

    private final Rates rates;
    private final RateSettings settings;
    private final Clock clock;

    public ExchangeRates(Rates rates, RateSettings settings, Clock clock) {
        this.rates = Objects.requireNonNull(rates, "rates");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public RateSettings settings() {
        return settings;
    }

    /**
     * Converts a price to a market's currency with its markup and rounding rule.
     *
     * @throws StaleRateException   when a rate needed is older than {@link RateSettings#maxAge()}
     * @throws MissingRateException when a rate needed was never recorded
     */
    public Conversion convert(Money price, Market market) {
        return convert(price, market.currency(), market.rounding(), settings.markupFor(market.country()));
    }

    /**
     * Converts at the rates in force now, adds {@code markup} and rounds by {@code rounding}. Equal currencies
     * convert at rate 1 without markup (a list price in the market currency is only rounded).
     *
     * @throws StaleRateException   when a rate needed is older than {@link RateSettings#maxAge()}
     * @throws MissingRateException when a rate needed was never recorded
     */
    public Conversion convert(Money price, Currency to, PriceRounding rounding, BigDecimal markup) {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(rounding, "rounding");
        RateSnapshot snapshot = snapshot(price.currency(), to, markup);
        Money exact = new Money(price.amount().multiply(snapshot.effectiveRate(), PRECISION), to);
        return new Conversion(price, exact, rounding.apply(exact), snapshot);
    }

    /**
     * The rates to convert {@code from} → {@code to} now, checked for staleness.
     *
     * @param markup a fraction in [0, 1) applied on top; ignored when the currencies are equal
     */
    public RateSnapshot snapshot(Currency from, Currency to, BigDecimal markup) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(markup, "markup");
        if (markup.signum() < 0 || markup.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("markup must be in [0, 1): " + markup);
        }
        Instant now = clock.instant();
        if (from.equals(to)) {
            return new RateSnapshot(from, to, BigDecimal.ONE, BigDecimal.ZERO, List.of(), now);
        }
        Currency base = settings.base();
        if (from.equals(base)) {
            ExchangeRate leg = current(to, now);
            return new RateSnapshot(from, to, leg.rate(), markup, List.of(leg), now);
        }
        ExchangeRate fromLeg = current(from, now);
        if (to.equals(base)) {
            return new RateSnapshot(from, to, BigDecimal.ONE.divide(fromLeg.rate(), PRECISION), markup,
                    List.of(fromLeg), now);
        }
        ExchangeRate toLeg = current(to, now);
        return new RateSnapshot(from, to, toLeg.rate().divide(fromLeg.rate(), PRECISION), markup,
                List.of(fromLeg, toLeg), now);
    }

    /**
     * Records an operator's rate, in force from now until a rate with a later effective time replaces it (e.g.
     * the next daily import).
     *
     * @param quotePerBase quote units per base unit
     * @param reason       why; required (audited)
     */
    public ExchangeRate override(Currency quote, BigDecimal quotePerBase, String reason) {
        Instant now = clock.instant();
        ExchangeRate rate = ExchangeRate.of(settings.base(), quote, quotePerBase, now, RateSource.MANUAL, reason, now);
        rates.add(rate);
        return rate;
    }

    /** Parses and records an ECB reference-rate XML file (daily or historical); returns what was recorded. */
    public List<ExchangeRate> importEcb(InputStream xml) throws IOException {
        List<ExchangeRate> imported = EcbRates.parse(xml, settings.base(), clock.instant());
        rates.addAll(imported);
        return imported;
    }

    /**
     * Parses and records a CSV rate file (see {@link CsvRates}); dates without a time start at midnight in
     * {@code zone}. All or nothing.
     */
    public List<ExchangeRate> importCsv(Reader csv, ZoneId zone) throws IOException {
        List<ExchangeRate> imported = CsvRates.parse(csv, settings.base(), zone, clock.instant());
        rates.addAll(imported);
        return imported;
    }

    /** Every rate recorded for base → {@code quote}, oldest first. */
    public List<ExchangeRate> history(Currency quote) {
        return rates.history(settings.base(), quote);
    }

    /** How old the rate in force for {@code quote} is now; empty when there is none. */
    public Optional<Duration> age(Currency quote) {
        Instant now = clock.instant();
        return rates.effectiveAt(settings.base(), quote, now).map(r -> Duration.between(r.effectiveFrom(), now));
    }

    /** The age of the rate in force per quote currency, for a labelled gauge. */
    public Map<Currency, Duration> ages() {
        Map<Currency, Duration> ages = new LinkedHashMap<>();
        for (Currency quote : rates.quotes(settings.base())) {
            age(quote).ifPresent(age -> ages.put(quote, age));
        }
        return ages;
    }

    /**
     * The oldest of the rates in force, in seconds, for a single gauge ({@code onshore_exchange_rates_oldest_age_seconds}) to
     * alert on before conversions start failing; 0 when no rate exists (absence is reported by conversions).
     */
    public long oldestRateAgeSeconds() {
        return ages().values().stream().mapToLong(Duration::toSeconds).max().orElse(0);
    }

    private ExchangeRate current(Currency quote, Instant now) {
        ExchangeRate rate = rates.effectiveAt(settings.base(), quote, now)
                .orElseThrow(() -> new MissingRateException(settings.base(), quote, now));
        Duration age = Duration.between(rate.effectiveFrom(), now);
        if (age.compareTo(settings.maxAge()) > 0) {
            throw new StaleRateException(settings.base(), quote, rate.effectiveFrom(), age, settings.maxAge());
        }
        return rate;
    }
}
