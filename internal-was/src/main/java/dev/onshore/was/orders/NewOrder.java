package dev.onshore.was.orders;

import dev.onshore.i18n.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An order as checkout priced it on the server. Every amount is in the charge currency except {@code baseTotal}.
 *
 * @param memberSubject the shopper's subject in the shoppers realm, null for a guest
 * @param shipTo the delivery address as the country writes it, one line per field
 * @param taxIncluded true when {@code tax} is the part of the prices that is tax (VAT/GST markets); false when it
 *     is added on top (US sales tax)
 * @param rateToBase base-currency units per charge-currency unit, as the order was priced
 * @param payBy when the order is cancelled if still unpaid
 * @param timeZone the shopper's time zone (mails show times in it); null: the market's
 * @param discount what a coupon took off the subtotal (zero without one)
 * @param couponCode the coupon redeemed with the order, null without one
 */
public record NewOrder(String market, String language, @Nullable String memberSubject, String email, String shipTo,
        String shippingMethod, List<Line> lines, Money subtotal, Money shipping, Money tax, boolean taxIncluded,
        Money total, Money baseTotal, BigDecimal rateToBase, Instant rateAsOf, Instant payBy,
        @Nullable ZoneId timeZone, Money discount, @Nullable String couponCode) {

    /** An order without a coupon, its times shown in the market's zone. */
    public NewOrder(String market, String language, @Nullable String memberSubject, String email, String shipTo,
            String shippingMethod, List<Line> lines, Money subtotal, Money shipping, Money tax, boolean taxIncluded,
            Money total, Money baseTotal, BigDecimal rateToBase, Instant rateAsOf, Instant payBy) {
        this(market, language, memberSubject, email, shipTo, shippingMethod, lines, subtotal, shipping, tax,
                taxIncluded, total, baseTotal, rateToBase, rateAsOf, payBy, null, Money.zero(total.currency()), null);
    }

    public NewOrder {
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        Objects.requireNonNull(total, "total");
        if (total.signum() <= 0) {
            throw new IllegalArgumentException("an order total must be positive: " + total);
        }
        for (var amount : List.of(subtotal, shipping, tax, discount)) {
            if (!amount.currency().equals(total.currency()) || amount.isNegative()) {
                throw new IllegalArgumentException("amounts must be non-negative and in " + total.currency());
            }
        }
    }

    /** One line: the product's name and unit price as they were when the order was placed. */
    public record Line(String sku, String name, Money unitPrice, int quantity) {

        public Line {
            if (quantity <= 0) {
                throw new IllegalArgumentException("a line quantity must be positive: " + quantity);
            }
        }

        public Money total() {
            return unitPrice.times(quantity);
        }
    }
}
