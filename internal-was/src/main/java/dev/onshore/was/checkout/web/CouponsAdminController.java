package dev.onshore.was.checkout.web;

import dev.onshore.was.adminapi.AdminAccess;
import dev.onshore.was.adminapi.InvalidInputException;
import dev.onshore.was.adminapi.OperatorHeader;
import dev.onshore.was.adminapi.OperatorRole;
import dev.onshore.was.checkout.CouponView;
import dev.onshore.was.checkout.Coupons;
import dev.onshore.was.checkout.NewCoupon;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/coupons}: operators issue, list and disable coupons (service token of the admin app, as every
 * admin API; the operator named in {@code X-Onshore-Operator}). Amounts in the market's currency, the window in the
 * market's local time ({@code 2026-12-01T00:00}). An unknown code is a 404 problem (ShopProblems), invalid fields a 400
 * invalid-input problem.
 */
@RestController
@AdminAccess(OperatorRole.CONTENT_MANAGER)
class CouponsAdminController {

    private final Coupons coupons;

    CouponsAdminController(Coupons coupons) {
        this.coupons = coupons;
    }

    /** What an operator sends; {@code kind} is {@code percent} or {@code amount}. */
    record CouponJson(@Nullable String code, @Nullable String market, @Nullable String kind, @Nullable BigDecimal value,
            @Nullable BigDecimal minimumOrder, @Nullable Integer perCustomerLimit, @Nullable LocalDateTime validFrom,
            @Nullable LocalDateTime validUntil) {

        NewCoupon toCoupon() {
            NewCoupon.Kind parsed = null;
            if (kind != null) {
                try {
                    parsed = NewCoupon.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException unknown) {
                    throw new InvalidInputException("kind", "unknown");
                }
            }
            return new NewCoupon(code, market, parsed, value, minimumOrder,
                    perCustomerLimit == null ? 1 : perCustomerLimit, validFrom, validUntil);
        }
    }

    @PostMapping("/api/admin/coupons")
    ResponseEntity<CouponView> issue(@RequestBody CouponJson body,
            @RequestHeader(name = OperatorHeader.NAME, required = false) @Nullable String operator) {
        var name = OperatorHeader.require(operator);
        var issued = coupons.issue(body.toCoupon(), name);
        return ResponseEntity.created(URI.create("/api/admin/coupons/" + issued.code())).body(issued);
    }

    /** Finance reads coupons too: they are money off. */
    @GetMapping("/api/admin/coupons")
    @AdminAccess({OperatorRole.CONTENT_MANAGER, OperatorRole.FINANCE})
    List<CouponView> all() {
        return coupons.all();
    }

    @PostMapping("/api/admin/coupons/{code}/disable")
    CouponView disable(@PathVariable String code,
            @RequestHeader(name = OperatorHeader.NAME, required = false) @Nullable String operator) {
        return coupons.disable(code, OperatorHeader.require(operator));
    }
}
