package dev.onshore.was.catalog.internal;

import dev.onshore.was.catalog.Availability;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A product's price in one market, in that market's currency (fixed scale 4; never floating point), with an
 * optional sale price valid in {@code [saleStartsAt, saleEndsAt)} (entered in the market's zone, stored in UTC).
 */
@Embeddable
record MarketOffer(@Column(nullable = false, length = 3) String currency,
        @Column(name = "list_price", nullable = false, precision = 19, scale = 4) BigDecimal listPrice,
        @Column(name = "sale_price", precision = 19, scale = 4) @Nullable BigDecimal salePrice,
        @Column(name = "sale_starts_at") @Nullable Instant saleStartsAt,
        @Column(name = "sale_ends_at") @Nullable Instant saleEndsAt,
        @Column(name = "max_per_order", nullable = false) int maxPerOrder,
        @Enumerated(EnumType.STRING) @Column(nullable = false, length = 20) Availability availability) {

    MarketOffer {
        if (listPrice.signum() <= 0) {
            throw new IllegalArgumentException("A list price must be positive: " + listPrice);
        }
        if (salePrice != null) {
            if (salePrice.signum() <= 0 || salePrice.compareTo(listPrice) >= 0) {
                throw new IllegalArgumentException("A sale price is positive and below the list price: " + salePrice);
            }
            if (saleStartsAt == null || saleEndsAt == null || !saleEndsAt.isAfter(saleStartsAt)) {
                throw new IllegalArgumentException("A sale price needs a window that ends after it starts");
            }
        }
        if (maxPerOrder < 1 || maxPerOrder > 999) {
            throw new IllegalArgumentException("At most 1 to 999 per order: " + maxPerOrder);
        }
        if (availability == null) {
            availability = Availability.IN_STOCK;
        }
    }

    MarketOffer(String currency, BigDecimal listPrice) {
        this(currency, listPrice, null, null, null, 10, Availability.IN_STOCK);
    }

    MarketOffer withSale(BigDecimal price, Instant startsAt, Instant endsAt) {
        return new MarketOffer(currency, listPrice, price, startsAt, endsAt, maxPerOrder, availability);
    }

    MarketOffer withMaxPerOrder(int max) {
        return new MarketOffer(currency, listPrice, salePrice, saleStartsAt, saleEndsAt, max, availability);
    }

    MarketOffer withAvailability(Availability value) {
        return new MarketOffer(currency, listPrice, salePrice, saleStartsAt, saleEndsAt, maxPerOrder, value);
    }

    boolean saleRunsAt(Instant now) {
        return salePrice != null && saleStartsAt != null && saleEndsAt != null
                && !now.isBefore(saleStartsAt) && now.isBefore(saleEndsAt);
    }

    /** What a shopper pays at {@code now}. */
    BigDecimal priceAt(Instant now) {
        return saleRunsAt(now) ? salePrice : listPrice;
    }
}
