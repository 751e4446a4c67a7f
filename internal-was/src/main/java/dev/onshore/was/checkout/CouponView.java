package dev.onshore.was.checkout;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A coupon as operators see it. Amounts are in the market's currency; the window is in the market's local time.
 *
 * @param validUntil exclusive
 * @param zone the market's time zone, in which the window is given
 * @param disabledAt null while the coupon can be used
 * @param currency the market's currency (ISO code), in which value and minimum order are; null for a market the shop
 *        no longer sells to
 */
public record CouponView(String code, String market, NewCoupon.Kind kind, BigDecimal value,
        @Nullable BigDecimal minimumOrder, int perCustomerLimit, @Nullable LocalDateTime validFrom,
        @Nullable LocalDateTime validUntil, @Nullable Instant disabledAt, String createdBy, Instant createdAt,
        int redemptions, String zone, @Nullable String currency) {
}
