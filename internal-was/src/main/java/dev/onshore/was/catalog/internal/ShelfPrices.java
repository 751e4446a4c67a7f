package dev.onshore.was.catalog.internal;

import dev.onshore.i18n.market.Market;
import dev.onshore.i18n.market.Markets;
import dev.onshore.i18n.money.Money;
import dev.onshore.i18n.rates.ExchangeRates;
import dev.onshore.i18n.rates.MissingRateException;
import dev.onshore.i18n.rates.StaleRateException;
import dev.onshore.was.catalog.Availability;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one place that prices a product for a market: pages, search documents and facets all ask here, so the price
 * a shopper sees, the one they filter and sort by, and the one charged agree.
 *
 * <p>A converted offer whose rate is stale or missing has no price: the product is then not sellable in that market
 * (left out of pages, search and sitemaps) rather than shown at a silently wrong price. That is logged as a warning
 * with the reason, at most once per currency pair and {@link #WARN_EVERY_NANOS}, so a busy page does not flood the
 * log; the rate-age gauge and its alert are where operators notice first.
 */
@Component
public class ShelfPrices {

    private static final Logger log = LoggerFactory.getLogger(ShelfPrices.class);
    private static final long WARN_EVERY_NANOS = 10L * 60 * 1_000_000_000L;
    private final ExchangeRates rates;
    private final Markets markets;
    private final ConcurrentMap<String, Long> lastWarned = new ConcurrentHashMap<>();

    ShelfPrices(ExchangeRates rates, Markets markets) {
        this.rates = rates;
        this.markets = markets;
    }

    /** The price in {@code market} at {@code now}; empty when the product is not sellable there or has no price. */
    public Optional<ShelfPrice> forShopper(Product product, String market, Instant now) {
        return product.isSellableIn(market, today(market, now)) ? of(product, market, now) : Optional.empty();
    }

    /** {@code now}'s date in the market's zone (UTC for a market without settings). */
    LocalDate today(String market, Instant now) {
        return LocalDate.ofInstant(now, markets.find(market).map(Market::zone).orElse(ZoneOffset.UTC));
    }

    /** The offer's price in {@code market} at {@code now}, whatever the product's status; empty without a price. */
    Optional<ShelfPrice> of(Product product, String market, Instant now) {
        var offer = product.offerIn(market).orElse(null);
        if (offer == null) {
            return Optional.empty();
        }
        var currency = Currency.getInstance(offer.currency());
        if (!offer.converted()) {
            return Optional.of(new ShelfPrice(Objects.requireNonNull(offer.listPrice()), offer.priceAt(now), currency,
                    offer.saleRunsAt(now) ? offer.saleEndsAt() : null, null));
        }
        var settings = markets.find(market).orElse(null);
        if (settings == null || !settings.currency().equals(currency)) {
            warn(product, market, "the market has no settings for " + currency);
            return Optional.empty();
        }
        try {
            var conversion = rates.convert(Money.of(product.basePrice(), Currency.getInstance(product.baseCurrency())),
                    settings);
            var price = conversion.price().amount();
            return Optional.of(new ShelfPrice(price, price, currency, null, conversion.snapshot()));
        } catch (StaleRateException | MissingRateException e) {
            warn(product, market, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * A variant's price in {@code market} at {@code now} (the rule is in {@link ProductVariant}); empty when the
     * product is not sellable there, the variant is discontinued, or a rate it needs is stale or missing.
     */
    Optional<ShelfPrice> forVariant(Product product, ProductVariant variant, String market, Instant now) {
        if (variant.availability() == Availability.DISCONTINUED) {
            return Optional.empty();
        }
        var parent = forShopper(product, market, now).orElse(null);
        if (parent == null) {
            return Optional.empty();
        }
        var own = variant.ownPrices().values().get(market);
        if (own != null) {
            return Optional.of(new ShelfPrice(own, own, parent.currency(), null, null));
        }
        if (!variant.hasDelta()) {
            return Optional.of(parent);
        }
        var offer = product.offerIn(market).orElseThrow();
        var settings = markets.find(market).orElse(null);
        if (settings == null) {
            return Optional.empty();
        }
        var base = Currency.getInstance(product.baseCurrency());
        try {
            if (offer.converted()) {
                var conversion = rates.convert(Money.of(product.basePrice().add(delta(variant)), base), settings);
                var price = conversion.price().amount();
                return price.signum() > 0
                        ? Optional.of(new ShelfPrice(price, price, parent.currency(), null, conversion.snapshot()))
                        : Optional.empty();
            }
            // A list price in the market currency: the delta converted exactly, the sum rounded by the market's rule.
            var conversion = rates.convert(Money.of(delta(variant), base), settings);
            var delta = conversion.exact().amount();
            var list = parent.listPrice().add(delta);
            var price = parent.price().add(delta);
            if (list.signum() <= 0 || price.signum() <= 0) {
                return Optional.empty();
            }
            return Optional.of(new ShelfPrice(settings.rounding().apply(Money.of(list, parent.currency())).amount(),
                    settings.rounding().apply(Money.of(price, parent.currency())).amount(), parent.currency(),
                    parent.saleEndsAt(), conversion.snapshot()));
        } catch (StaleRateException | MissingRateException e) {
            warn(product, market, e.getMessage());
            return Optional.empty();
        }
    }

    private static java.math.BigDecimal delta(ProductVariant variant) {
        return Objects.requireNonNull(variant.priceDelta());
    }

    private void warn(Product product, String market, String reason) {
        var key = product.baseCurrency() + "/" + market;
        var now = System.nanoTime();
        var last = lastWarned.get(key);
        if (last == null || now - last > WARN_EVERY_NANOS) {
            lastWarned.put(key, now);
            log.warn("Converted prices in {} are withheld (products such as {} are not sellable there): {}", market,
                    product.sku(), reason);
        }
    }
}
