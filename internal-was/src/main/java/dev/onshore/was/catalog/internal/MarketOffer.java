package dev.onshore.was.catalog.internal;

import dev.onshore.was.catalog.Availability;
import dev.onshore.was.catalog.OfferPricing;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A product's price in one market, in that market's currency (fixed scale 4; never floating point): either a list
 * price ({@link OfferPricing#LIST}), with an optional sale price valid in {@code [saleStartsAt, saleEndsAt)} (entered
 * in the market's zone, stored in UTC), or {@link OfferPricing#CONVERTED} from the product's base price, which has no
 * list price of its own and no fixed sale price (a fixed sale price could end up above a converted list price).
 *
 * @param listPrice null exactly when the offer is converted
 */
@Embeddable
public record MarketOffer(@Column(nullable = false, length = 3) String currency,
        @Column(name = "list_price", precision = 19, scale = 4) @Nullable BigDecimal listPrice,
        @Column(name = "sale_price", precision = 19, scale = 4) @Nullable BigDecimal salePrice,
        @Column(name = "sale_starts_at") @Nullable Instant saleStartsAt,
        @Column(name = "sale_ends_at") @Nullable Instant saleEndsAt,
        @Column(name = "max_per_order", nullable = false) int maxPerOrder,
        @Enumerated(EnumType.STRING) @Column(nullable = false, length = 20) Availability availability,
        @Enumerated(EnumType.STRING) @Column(nullable = false, length = 20) OfferPricing pricing) {

    public MarketOffer {
        if (pricing == null) {
            pricing = OfferPricing.LIST;
        }
        if (pricing == OfferPricing.LIST && (listPrice == null || listPrice.signum() <= 0)) {
            throw new IllegalArgumentException("A list price must be positive: " + listPrice);
        }
        if (pricing == OfferPricing.CONVERTED && (listPrice != null || salePrice != null)) {
            throw new IllegalArgumentException("A converted offer has neither a list price nor a fixed sale price");
        }
        if (salePrice != null) {
            if (salePrice.signum() <= 0 || listPrice == null || salePrice.compareTo(listPrice) >= 0) {
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

    public MarketOffer(String currency, BigDecimal listPrice) {
        this(currency, listPrice, null, null, null, 10, Availability.IN_STOCK, OfferPricing.LIST);
    }

    /** An offer in {@code currency} (the market's) priced by converting the product's base price. */
    public static MarketOffer converted(String currency) {
        return new MarketOffer(currency, null, null, null, null, 10, Availability.IN_STOCK, OfferPricing.CONVERTED);
    }

    public MarketOffer withSale(BigDecimal price, Instant startsAt, Instant endsAt) {
        return new MarketOffer(currency, listPrice, price, startsAt, endsAt, maxPerOrder, availability, pricing);
    }

    public MarketOffer withMaxPerOrder(int max) {
        return new MarketOffer(currency, listPrice, salePrice, saleStartsAt, saleEndsAt, max, availability, pricing);
    }

    public MarketOffer withAvailability(Availability value) {
        return new MarketOffer(currency, listPrice, salePrice, saleStartsAt, saleEndsAt, maxPerOrder, value, pricing);
    }

    public boolean converted() {
        return pricing == OfferPricing.CONVERTED;
    }

    boolean saleRunsAt(Instant now) {
        return salePrice != null && saleStartsAt != null && saleEndsAt != null
                && !now.isBefore(saleStartsAt) && now.isBefore(saleEndsAt);
    }

    /**
     * What a shopper pays at {@code now} for a list-priced offer.
     *
     * @throws IllegalStateException for a converted offer: its price comes from {@link ShelfPrices}
     */
    public BigDecimal priceAt(Instant now) {
        if (listPrice == null) {
            throw new IllegalStateException("A converted offer has no price of its own");
        }
        return saleRunsAt(now) && salePrice != null ? salePrice : listPrice;
    }
}
