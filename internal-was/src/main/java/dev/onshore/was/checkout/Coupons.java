package dev.onshore.was.checkout;

import java.util.List;

/** Operators' coupons: issued per market, used at checkout, disabled when they must stop. */
public interface Coupons {

    /**
     * @throws dev.onshore.was.adminapi.InvalidInputException for an unknown market, or a code already issued
     *     ({@code duplicate})
     */
    CouponView issue(NewCoupon coupon, String operator);

    /** Every coupon, newest first. */
    List<CouponView> all();

    /**
     * Stops the coupon for every checkout from now on; disabling it again changes nothing.
     *
     * @throws CouponRefusedException with reason {@code unknown} when no coupon has this code
     */
    CouponView disable(String code, String operator);
}
