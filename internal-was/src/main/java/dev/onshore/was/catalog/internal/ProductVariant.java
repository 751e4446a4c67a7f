package dev.onshore.was.catalog.internal;

import dev.onshore.was.catalog.Availability;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One variant of a product (e.g. 60 capsules): its own SKU (the product's plus {@code -suffix}), its label per
 * language and its availability. Its price in a market is, in this order: its own price there, else the product's
 * price with {@code priceDelta} (in the product's base currency) added before conversion or, for a list price,
 * converted at the rate in force and added before the market's rounding; without a delta, the product's price.
 *
 * @param priceDelta in the base currency; may be negative (a smaller pack); null or zero for the same price
 */
@Embeddable
public record ProductVariant(@Column(nullable = false, length = 12) String suffix,
        @Column(name = "labels", nullable = false, columnDefinition = "longtext") Labels labels,
        @Column(name = "price_delta", precision = 19, scale = 4) @Nullable BigDecimal priceDelta,
        @Column(name = "own_prices", nullable = false, columnDefinition = "longtext") MarketPrices ownPrices,
        @Enumerated(EnumType.STRING) @Column(nullable = false, length = 20) Availability availability) {

    public ProductVariant {
        if (suffix == null || !suffix.matches("[A-Z0-9]{1,12}")) {
            throw new IllegalArgumentException("A variant suffix is 1 to 12 upper-case letters and digits: " + suffix);
        }
        if (ownPrices == null) {
            ownPrices = MarketPrices.NONE;
        }
        if (availability == null) {
            availability = Availability.IN_STOCK;
        }
        if (priceDelta != null && priceDelta.scale() > 4) {
            throw new IllegalArgumentException("A price delta has at most 4 decimals: " + priceDelta);
        }
    }

    boolean hasDelta() {
        return priceDelta != null && priceDelta.signum() != 0;
    }
}
