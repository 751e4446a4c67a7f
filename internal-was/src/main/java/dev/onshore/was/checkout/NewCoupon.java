package dev.onshore.was.checkout;

import dev.onshore.was.adminapi.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A coupon an operator issues for one market.
 *
 * @param code what shoppers type: 3 to 40 letters, digits, {@code -} and {@code _}; kept upper-case
 * @param value a percentage (1 to 90) or an amount in the market's currency
 * @param minimumOrder the subtotal the cart must reach, in the market's currency; null: none
 * @param perCustomerLimit how many orders one customer (member, or guest email) may place with it
 * @param validFrom from when, in the market's local time; null: now
 * @param validUntil until when (exclusive), in the market's local time; null: no end
 * @throws InvalidInputException for each field out of range (all of them at once)
 */
public record NewCoupon(String code, String market, Kind kind, BigDecimal value, @Nullable BigDecimal minimumOrder,
        int perCustomerLimit, @Nullable LocalDateTime validFrom, @Nullable LocalDateTime validUntil) {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9_-]{3,40}");
    private static final BigDecimal MAX_PERCENT = BigDecimal.valueOf(90);

    /** Percent off the subtotal, or a fixed amount off it. */
    public enum Kind {
        PERCENT, AMOUNT
    }

    public NewCoupon {
        code = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        market = market == null ? "" : market.strip().toUpperCase(Locale.ROOT);
        var problems = new ArrayList<InvalidInputException.Problem>();
        if (!CODE.matcher(code).matches()) {
            problems.add(new InvalidInputException.Problem("code", "pattern"));
        }
        if (!market.matches("[A-Z]{2}")) {
            problems.add(new InvalidInputException.Problem("market", "pattern"));
        }
        if (kind == null) {
            problems.add(new InvalidInputException.Problem("kind", "required"));
        }
        if (value == null || value.signum() <= 0 || value.scale() > 4 || value.precision() - value.scale() > 15
                || (kind == Kind.PERCENT && value.compareTo(MAX_PERCENT) > 0)) {
            problems.add(new InvalidInputException.Problem("value", "range"));
        }
        if (minimumOrder != null && (minimumOrder.signum() < 0 || minimumOrder.scale() > 4
                || minimumOrder.precision() - minimumOrder.scale() > 15)) {
            problems.add(new InvalidInputException.Problem("minimumOrder", "range"));
        }
        if (perCustomerLimit < 1 || perCustomerLimit > 1000) {
            problems.add(new InvalidInputException.Problem("perCustomerLimit", "range"));
        }
        if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
            problems.add(new InvalidInputException.Problem("validUntil", "range"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
