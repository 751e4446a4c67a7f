package dev.onshore.was.checkout.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onshore.i18n.money.Money;
import dev.onshore.was.checkout.CouponRefusedException;
import dev.onshore.was.checkout.NewCoupon;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A coupon's rules, in plain code: percent and amount, minimum order, limit, market and a window in local time. */
class CouponRulesUnitTests {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final Instant NOW = Instant.parse("2026-12-30T12:00:00Z");

    private static Coupon coupon(NewCoupon.Kind kind, String value, String minimum, int limit, LocalDateTime from,
            LocalDateTime until) {
        return new Coupon("SALE", "ID", kind, new BigDecimal(value), minimum == null ? null : new BigDecimal(minimum),
                limit, from, until, null);
    }

    private static Money idr(long amount) {
        return Money.of(amount, "IDR");
    }

    @Test
    void aPercentCouponTakesItsShareOfTheSubtotalRoundedDownToWholeRupiah() {
        var coupon = coupon(NewCoupon.Kind.PERCENT, "15", null, 1, null, null);
        assertThat(coupon.discountOn(idr(333_333), "ID", NOW, JAKARTA, 0)).isEqualTo(idr(49_999));
    }

    @Test
    void anAmountCouponTakesItsAmountButNeverTheWholeSubtotal() {
        var coupon = coupon(NewCoupon.Kind.AMOUNT, "50000", null, 1, null, null);
        assertThat(coupon.discountOn(idr(200_000), "ID", NOW, JAKARTA, 0)).isEqualTo(idr(50_000));
        assertThat(coupon.discountOn(idr(30_000), "ID", NOW, JAKARTA, 0)).isEqualTo(idr(29_999));
    }

    @Test
    void theWindowIsInTheMarketsLocalTimeWithItsEndExclusive() {
        var coupon = coupon(NewCoupon.Kind.PERCENT, "10", null, 1, LocalDateTime.parse("2026-12-01T00:00"),
                LocalDateTime.parse("2026-12-31T00:00"));
        // 2026-12-30T17:30Z is 00:30 on the 31st in Jakarta: over there, though not yet in UTC.
        assertThatThrownBy(() -> coupon.discountOn(idr(100_000), "ID", Instant.parse("2026-12-30T17:30:00Z"),
                JAKARTA, 0)).isInstanceOfSatisfying(CouponRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo("expired"));
        assertThat(coupon.discountOn(idr(100_000), "ID", Instant.parse("2026-12-30T16:59:59Z"), JAKARTA, 0))
                .isEqualTo(idr(10_000));
        // 2026-11-30T17:00Z is midnight on 1 December in Jakarta: it starts then.
        assertThatThrownBy(() -> coupon.discountOn(idr(100_000), "ID", Instant.parse("2026-11-30T16:59:59Z"),
                JAKARTA, 0)).isInstanceOfSatisfying(CouponRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo("not-yet-valid"));
        assertThat(coupon.discountOn(idr(100_000), "ID", Instant.parse("2026-11-30T17:00:00Z"), JAKARTA, 0))
                .isEqualTo(idr(10_000));
    }

    @Test
    void aCouponRefusesAnotherMarketAnOrderBelowItsMinimumAndAUseBeyondItsLimit() {
        var coupon = coupon(NewCoupon.Kind.PERCENT, "10", "250000", 2, null, null);
        assertThatThrownBy(() -> coupon.discountOn(Money.of(100, "USD"), "US", NOW, JAKARTA, 0))
                .isInstanceOfSatisfying(CouponRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo("wrong-market"));
        assertThatThrownBy(() -> coupon.discountOn(idr(249_999), "ID", NOW, JAKARTA, 0))
                .isInstanceOfSatisfying(CouponRefusedException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo("below-minimum");
                    assertThat(refused.minimum()).isEqualTo(idr(250_000));
                });
        assertThat(coupon.discountOn(idr(250_000), "ID", NOW, JAKARTA, 1)).isEqualTo(idr(25_000));
        assertThatThrownBy(() -> coupon.discountOn(idr(250_000), "ID", NOW, JAKARTA, 2))
                .isInstanceOfSatisfying(CouponRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo("limit-reached"));
    }

    @Test
    void aDisabledCouponIsRefused() {
        var disabled = new Coupon("SALE", "ID", NewCoupon.Kind.PERCENT, BigDecimal.TEN, null, 1, null, null,
                NOW.minusSeconds(1));
        assertThatThrownBy(() -> disabled.discountOn(idr(100_000), "ID", NOW, JAKARTA, 0))
                .isInstanceOfSatisfying(CouponRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo("disabled"));
    }
}
