package dev.onshore.i18n.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;

/**
 * How a market rounds a computed price (e.g. one converted from KRW) to one that looks right there: IDR up to the
 * next 1,000, MYR and SGD to a .90 ending, KRW to whole won. Configuration spells a rule as text, see
 * {@link #parse(String)}; {@code toString()} gives the same text back.
 * <p>
 * Every rule returns money in the same currency, rounded to at least the currency's standard digits.
 */
public sealed interface PriceRounding {

    /** Applies the rule; {@code price} is never null and neither is the result. */
    Money apply(Money price);

    /**
     * Parses a rule: {@code standard} (half-even to ICU digits), {@code standard:HALF_UP} (another
     * {@link RoundingMode}), {@code cash} (ICU cash rounding, half-even), {@code up-to:1000} (up to the next
     * multiple), {@code ending:0.90} (up to the next price ending in .90, step 1) or {@code ending:900/1000}.
     *
     * @throws IllegalArgumentException on anything else, with the offending text in the message
     */
    static PriceRounding parse(String text) {
        Objects.requireNonNull(text, "text");
        String rule = text.strip();
        int colon = rule.indexOf(':');
        String kind = (colon < 0 ? rule : rule.substring(0, colon)).toLowerCase(Locale.ROOT);
        String argument = colon < 0 ? "" : rule.substring(colon + 1).strip();
        try {
            return switch (kind) {
                case "standard" -> new Standard(argument.isEmpty()
                        ? RoundingMode.HALF_EVEN : RoundingMode.valueOf(argument.toUpperCase(Locale.ROOT)));
                case "cash" -> new Cash();
                case "up-to" -> new UpToMultiple(new BigDecimal(argument));
                case "ending" -> {
                    int slash = argument.indexOf('/');
                    yield slash < 0
                            ? new Ending(new BigDecimal(argument), BigDecimal.ONE)
                            : new Ending(new BigDecimal(argument.substring(0, slash).strip()),
                                    new BigDecimal(argument.substring(slash + 1).strip()));
                }
                default -> throw new IllegalArgumentException("unknown kind");
            };
        } catch (IllegalArgumentException e) { // NumberFormatException is one too
            throw new IllegalArgumentException("Not a price rounding rule: '" + text
                    + "' (expected standard, standard:HALF_UP, cash, up-to:1000, ending:0.90 or ending:900/1000)", e);
        }
    }

    /** Half-even (or the given mode) to the currency's ICU standard digits. */
    record Standard(RoundingMode mode) implements PriceRounding {
        public Standard {
            Objects.requireNonNull(mode, "mode");
            if (mode == RoundingMode.UNNECESSARY) {
                throw new IllegalArgumentException("UNNECESSARY is not a rounding rule for prices");
            }
        }

        @Override
        public Money apply(Money price) {
            return price.rounded(mode);
        }

        @Override
        public String toString() {
            return mode == RoundingMode.HALF_EVEN ? "standard" : "standard:" + mode;
        }
    }

    /** ICU cash rounding (CHF to 0.05, TWD to whole dollars), half-even. */
    record Cash() implements PriceRounding {
        @Override
        public Money apply(Money price) {
            return price.roundedForCash(RoundingMode.HALF_EVEN);
        }

        @Override
        public String toString() {
            return "cash";
        }
    }

    /**
     * Up (towards positive infinity) to the next multiple of {@code increment}; a price already on a multiple
     * stays. The result is at least the price and less than the price plus the increment.
     *
     * @param increment positive, e.g. 1000 for IDR
     */
    record UpToMultiple(BigDecimal increment) implements PriceRounding {
        public UpToMultiple {
            Objects.requireNonNull(increment, "increment");
            if (increment.signum() <= 0) {
                throw new IllegalArgumentException("increment must be positive: " + increment);
            }
        }

        @Override
        public Money apply(Money price) {
            BigDecimal steps = price.amount().divide(increment, 0, RoundingMode.CEILING);
            return new Money(steps.multiply(increment), price.currency()).rounded(RoundingMode.CEILING);
        }

        @Override
        public String toString() {
            return "up-to:" + increment.toPlainString();
        }
    }

    /**
     * Up to the smallest price of the form {@code k × step + ending} that is not below the price: with ending 0.90
     * and step 1, 45.20 becomes 45.90, 45.95 becomes 46.90 and 45.90 stays. The result is at least the price and
     * less than the price plus the step.
     *
     * @param ending non-negative and less than step
     * @param step   positive
     */
    record Ending(BigDecimal ending, BigDecimal step) implements PriceRounding {
        public Ending {
            Objects.requireNonNull(ending, "ending");
            Objects.requireNonNull(step, "step");
            if (step.signum() <= 0 || ending.signum() < 0 || ending.compareTo(step) >= 0) {
                throw new IllegalArgumentException("need 0 <= ending < step, got ending " + ending + ", step " + step);
            }
        }

        @Override
        public Money apply(Money price) {
            BigDecimal steps = price.amount().subtract(ending).divide(step, 0, RoundingMode.CEILING);
            return new Money(steps.multiply(step).add(ending), price.currency()).rounded(RoundingMode.CEILING);
        }

        @Override
        public String toString() {
            return step.compareTo(BigDecimal.ONE) == 0
                    ? "ending:" + ending.toPlainString()
                    : "ending:" + ending.toPlainString() + "/" + step.toPlainString();
        }
    }
}
