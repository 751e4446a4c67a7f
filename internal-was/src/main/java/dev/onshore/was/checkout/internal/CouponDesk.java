package dev.onshore.was.checkout.internal;

import dev.onshore.i18n.market.Markets;
import dev.onshore.was.adminapi.InvalidInputException;
import dev.onshore.was.checkout.CouponRefusedException;
import dev.onshore.was.checkout.CouponView;
import dev.onshore.was.checkout.Coupons;
import dev.onshore.was.checkout.NewCoupon;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Operators' side of coupons: issue (for a market the shop sells to), list, disable. */
@Service
@Transactional
class CouponDesk implements Coupons {

    private final IssuedCoupons coupons;
    private final Markets markets;
    private final Clock clock;

    CouponDesk(IssuedCoupons coupons, Markets markets, Clock clock) {
        this.coupons = coupons;
        this.markets = markets;
        this.clock = clock;
    }

    @Override
    public CouponView issue(NewCoupon coupon, String operator) {
        if (markets.find(coupon.market()).isEmpty()) {
            throw new InvalidInputException("market", "unknown");
        }
        if (!coupons.add(coupon, operator, clock.instant())) {
            throw new InvalidInputException("code", "duplicate");
        }
        return coupons.view(coupon.code()).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CouponView> all() {
        return coupons.all();
    }

    @Override
    public CouponView disable(String code, String operator) {
        var normalized = code.strip().toUpperCase(java.util.Locale.ROOT);
        coupons.disable(normalized, clock.instant());
        return coupons.view(normalized).orElseThrow(() -> new CouponRefusedException(code, "unknown"));
    }
}
