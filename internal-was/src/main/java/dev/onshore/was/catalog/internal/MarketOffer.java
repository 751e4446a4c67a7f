package dev.onshore.was.catalog.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** A product's list price in one market, in that market's currency (fixed scale 4; never floating point). */
@Embeddable
record MarketOffer(@Column(nullable = false, length = 3) String currency,
        @Column(name = "list_price", nullable = false, precision = 19, scale = 4) BigDecimal listPrice) {

    MarketOffer {
        if (listPrice.signum() <= 0) {
            throw new IllegalArgumentException("A list price must be positive: " + listPrice);
        }
    }
}
