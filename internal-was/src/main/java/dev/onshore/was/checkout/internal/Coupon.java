package dev.onshore.was.checkout.internal;

import dev.onshore.i18n.money.Money;
import dev.onshore.was.checkout.CouponRefusedException;
import dev.onshore.was.checkout.NewCoupon;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * An issued coupon and its rules. The window is in the market's local time (a coupon "until 31 December" ends at
 * midnight in Jakarta, not in UTC); {@code validUntil} is exclusive.
 */
record Coupon(String code, String market, NewCoupon.Kind kind, BigDecimal value, @Nullable BigDecimal minimumOrder,
        int perCustomerLimit, @Nullable LocalDateTime validFrom, @Nullable LocalDateTime validUntil,
        @Nullable Instant disabledAt) {

    /**
     * What the coupon takes off {@code subtotal} (in the market's currency) for a customer who used it
     * {@code usedBefore} times; never the whole subtotal (an order costs something).
     *
     * @throws CouponRefusedException naming the first rule the checkout breaks
     */
    Money discountOn(Money subtotal, String cartMarket, Instant now, ZoneId marketZone, int usedBefore) {
        if (disabledAt != null && !disabledAt.isAfter(now)) {
            throw new CouponRefusedException(code, "disabled");
        }
        if (!market.equals(cartMarket)) {
            throw new CouponRefusedException(code, "wrong-market");
        }
        var local = LocalDateTime.ofInstant(now, marketZone);
        if (validFrom != null && local.isBefore(validFrom)) {
            throw new CouponRefusedException(code, "not-yet-valid");
        }
        if (validUntil != null && !local.isBefore(validUntil)) {
            throw new CouponRefusedException(code, "expired");
        }
        if (minimumOrder != null && subtotal.amount().compareTo(minimumOrder) < 0) {
            throw new CouponRefusedException(code, "below-minimum", Money.of(minimumOrder, subtotal.currency()));
        }
        if (usedBefore >= perCustomerLimit) {
            throw new CouponRefusedException(code, "limit-reached");
        }
        var off = switch (kind) {
            case PERCENT -> subtotal.times(value.movePointLeft(2)).rounded(RoundingMode.DOWN);
            case AMOUNT -> Money.of(value, subtotal.currency()).rounded(RoundingMode.DOWN);
        };
        var most = subtotal.minus(Money.ofMinor(1, subtotal.currency()));
        return off.isGreaterThan(most) ? most : off;
    }
}
