package dev.onshore.was.checkout.internal;

import dev.onshore.i18n.market.Markets;
import dev.onshore.was.adminapi.InvalidInputException;
import dev.onshore.was.audit.AuditTrail;
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
    private final AuditTrail audit;

    CouponDesk(IssuedCoupons coupons, Markets markets, Clock clock, AuditTrail audit) {
        this.audit = audit;
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
        var issued = zoned(coupons.view(coupon.code()).orElseThrow());
        audit.record("coupon.issue", "coupon:" + issued.code(), null, issued);
        return issued;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CouponView> all() {
        return coupons.all().stream().map(this::zoned).toList();
    }

    @Override
    public CouponView disable(String code, String operator) {
        var normalized = code.strip().toUpperCase(java.util.Locale.ROOT);
        var before = coupons.view(normalized).map(this::zoned).orElseThrow(() -> new CouponRefusedException(code, "unknown"));
        if (!coupons.disable(normalized, clock.instant())) {
            return before;
        }
        var after = zoned(coupons.view(normalized).orElseThrow());
        audit.record("coupon.disable", "coupon:" + normalized, before, after);
        return after;
    }

    /** The view with its market's zone and currency (UTC and none for a market the shop no longer sells to). */
    private CouponView zoned(CouponView view) {
        var market = markets.find(view.market());
        var zone = market.map(m -> m.zone().getId()).orElse("UTC");
        var currency = market.map(m -> m.currency().getCurrencyCode()).orElse(null);
        return new CouponView(view.code(), view.market(), view.kind(), view.value(), view.minimumOrder(),
                view.perCustomerLimit(), view.validFrom(), view.validUntil(), view.disabledAt(), view.createdBy(),
                view.createdAt(), view.redemptions(), zone, currency);
    }
}
