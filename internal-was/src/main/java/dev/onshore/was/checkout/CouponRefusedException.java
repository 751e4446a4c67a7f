package dev.onshore.was.checkout;

import dev.onshore.i18n.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * A coupon that cannot be used for this checkout. {@code reason} is {@code unknown}, {@code disabled},
 * {@code not-yet-valid}, {@code expired}, {@code wrong-market}, {@code below-minimum} (see {@link #minimum()}) or
 * {@code limit-reached}; nothing was ordered.
 */
public class CouponRefusedException extends RuntimeException {

    private final String code;
    private final String reason;
    private final @Nullable Money minimum;

    public CouponRefusedException(String code, String reason) {
        this(code, reason, null);
    }

    public CouponRefusedException(String code, String reason, @Nullable Money minimum) {
        super("Coupon " + code + " refused: " + reason);
        this.code = code;
        this.reason = reason;
        this.minimum = minimum;
    }

    /** The coupon code as the shopper sent it. */
    public String code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    /** The minimum order for {@code below-minimum}, null otherwise. */
    public @Nullable Money minimum() {
        return minimum;
    }
}
