package dev.onshore.was.catalog.internal;

import dev.onshore.i18n.rates.RateSnapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * What a shopper of one market sees and pays for a product now.
 *
 * @param listPrice the regular price: the offer's list price, or the converted and rounded base price
 * @param price what the shopper pays now: a running sale's price, else {@code listPrice}
 * @param saleEndsAt the end of the running sale, null when none runs
 * @param rates the rates a converted price (or a variant's converted price delta) used, for whoever charges it to
 *     record; null for plain list prices
 */
public record ShelfPrice(BigDecimal listPrice, BigDecimal price, Currency currency, @Nullable Instant saleEndsAt,
        @Nullable RateSnapshot rates) {
}
