package dev.onshore.i18n.money;

import com.ibm.icu.number.LocalizedNumberFormatter;
import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.util.ULocale;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An amount of money in one ISO 4217 currency. Never uses binary floating point.
 * <p>
 * The amount is kept in a canonical form (trailing zeros stripped, but never fewer fraction digits than the
 * currency's ICU/CLDR standard digits), so that {@code equals} treats {@code 1.5 USD} and {@code 1.50 USD} as the
 * same money. Intermediate results (conversions, multiplications) may carry more digits than the currency has;
 * {@link #rounded()} brings them back to what can be charged.
 * <p>
 * Amounts of different currencies are never added, subtracted or compared: those operations throw
 * {@link CurrencyMismatchException}. No argument may be null; no method returns null.
 *
 * @param amount   the amount, never null
 * @param currency the ISO 4217 currency, never null
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** Scale used for storage columns ({@code DECIMAL(19,4)}); independent of CLDR digits, which can change. */
    public static final int STORAGE_SCALE = 4;

    private static final ConcurrentHashMap<FormatterKey, LocalizedNumberFormatter> FORMATTERS =
            new ConcurrentHashMap<>();

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = canonical(amount, CurrencyDigits.of(currency).fractionDigits());
    }

    /** Parses {@code amount} (plain decimal notation) in the given ISO currency code. */
    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    public static Money of(long amount, String currencyCode) {
        return new Money(BigDecimal.valueOf(amount), Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Money from a count of minor units at the currency's standard digits (e.g. cents for USD, rupiah for IDR). */
    public static Money ofMinor(long minorUnits, Currency currency) {
        return new Money(BigDecimal.valueOf(minorUnits, CurrencyDigits.of(currency).fractionDigits()), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** Exact product; round afterwards with {@link #rounded()} before charging. */
    public Money times(BigDecimal factor) {
        Objects.requireNonNull(factor, "factor");
        return new Money(amount.multiply(factor), currency);
    }

    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public int signum() {
        return amount.signum();
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** @throws CurrencyMismatchException when the currencies differ */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    /** The currency's standard fraction digits according to ICU/CLDR (IDR 0, KRW 0, JPY 0, USD 2). */
    public int fractionDigits() {
        return CurrencyDigits.of(currency).fractionDigits();
    }

    /** Rounded half-even to the currency's standard digits (what can be charged). */
    public Money rounded() {
        return rounded(RoundingMode.HALF_EVEN);
    }

    public Money rounded(RoundingMode mode) {
        return new Money(amount.setScale(fractionDigits(), mode), currency);
    }

    /**
     * Rounded to what can be paid in cash: ICU's cash digits and rounding increment (CHF to 0.05, TWD to whole
     * dollars); equal to {@link #rounded(RoundingMode)} where the currency has no cash rule.
     */
    public Money roundedForCash(RoundingMode mode) {
        CurrencyDigits cash = CurrencyDigits.cash(currency);
        BigDecimal increment = cash.increment();
        BigDecimal units = amount.divide(increment, 0, mode);
        return new Money(units.multiply(increment), currency);
    }

    /** True when the amount has no more fraction digits than the currency's standard digits. */
    public boolean isRounded() {
        return amount.scale() <= fractionDigits();
    }

    /**
     * The amount as a count of minor units.
     *
     * @throws ArithmeticException when the amount is not {@linkplain #isRounded() rounded} or does not fit a long
     */
    public long minorUnits() {
        return amount.movePointRight(fractionDigits()).longValueExact();
    }

    /**
     * The amount at {@link #STORAGE_SCALE} for a {@code DECIMAL(19,4)} column.
     *
     * @throws ArithmeticException when that would lose digits (round first)
     */
    public BigDecimal toStorageAmount() {
        return amount.setScale(STORAGE_SCALE, RoundingMode.UNNECESSARY);
    }

    /**
     * Splits this money in parts proportional to {@code ratios} without losing or creating a single minor unit:
     * the parts always add up to this amount. Leftover units go one each to the parts with the largest remainders
     * (earlier parts first on ties). Works at the currency's digits, or at the amount's own scale when it has more.
     *
     * @param ratios non-negative weights, at least one, not all zero
     * @return one part per ratio, in order; never null
     */
    public List<Money> allocate(long... ratios) {
        if (ratios.length == 0) {
            throw new IllegalArgumentException("allocate needs at least one ratio");
        }
        BigInteger total = BigInteger.ZERO;
        for (long ratio : ratios) {
            if (ratio < 0) {
                throw new IllegalArgumentException("ratios must not be negative: " + Arrays.toString(ratios));
            }
            total = total.add(BigInteger.valueOf(ratio));
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("ratios must not all be zero");
        }
        int scale = Math.max(amount.scale(), fractionDigits());
        BigInteger units = amount.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
        boolean negative = units.signum() < 0;
        BigInteger remaining = units.abs();
        BigInteger[] shares = new BigInteger[ratios.length];
        BigInteger[] remainders = new BigInteger[ratios.length];
        BigInteger allocated = BigInteger.ZERO;
        for (int i = 0; i < ratios.length; i++) {
            BigInteger[] qr = remaining.multiply(BigInteger.valueOf(ratios[i])).divideAndRemainder(total);
            shares[i] = qr[0];
            remainders[i] = qr[1];
            allocated = allocated.add(qr[0]);
        }
        int leftover = remaining.subtract(allocated).intValueExact(); // < ratios.length by construction
        Integer[] order = new Integer[ratios.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> remainders[b].compareTo(remainders[a])); // stable: ties keep earlier first
        for (int i = 0; i < leftover; i++) {
            shares[order[i]] = shares[order[i]].add(BigInteger.ONE);
        }
        List<Money> parts = new ArrayList<>(ratios.length);
        for (BigInteger share : shares) {
            BigInteger signed = negative ? share.negate() : share;
            parts.add(new Money(new BigDecimal(signed, scale), currency));
        }
        return List.copyOf(parts);
    }

    /** Splits in {@code n} parts as equal as possible (see {@link #allocate(long...)}). */
    public List<Money> split(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        long[] ratios = new long[n];
        Arrays.fill(ratios, 1);
        return allocate(ratios);
    }

    /**
     * Formats with ICU for the given locale, at the currency's standard digits (half-even): "Rp 150.000" in
     * id-ID, "₩150,000" in ko-KR, "RM 45.90" in ms-MY. Note ICU separates symbol and number with a no-break
     * space (U+00A0) where the locale puts a space.
     */
    public String format(ULocale locale) {
        return FORMATTERS.computeIfAbsent(new FormatterKey(locale, currency), Money::formatter)
                .format(amount).toString();
    }

    /**
     * As {@link #format(Locale)}, but a dollar that is not the US dollar (Singapore's "$" in en-SG) is written with
     * its ISO code ("SGD 12.90"): a shop that also shows US prices must never let "$" mean two currencies.
     */
    public String formatUnambiguous(Locale locale) {
        var icu = ULocale.forLocale(locale);
        var symbol = com.ibm.icu.util.Currency.getInstance(currency.getCurrencyCode()).getSymbol(icu);
        if (!symbol.equals("$") || currency.getCurrencyCode().equals("USD")) {
            return format(icu);
        }
        return NumberFormatter.withLocale(icu).unit(com.ibm.icu.util.Currency.getInstance(currency.getCurrencyCode()))
                .unitWidth(NumberFormatter.UnitWidth.ISO_CODE).format(amount).toString();
    }

    /** As {@link #format(ULocale)}; the locale may carry a script (zh-Hans-CN). */
    public String format(Locale locale) {
        return format(ULocale.forLocale(locale));
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    private static BigDecimal canonical(BigDecimal amount, int digits) {
        BigDecimal stripped = amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
        return stripped.scale() < digits ? stripped.setScale(digits, RoundingMode.UNNECESSARY) : stripped;
    }

    private static LocalizedNumberFormatter formatter(FormatterKey key) {
        return NumberFormatter.withLocale(key.locale())
                .unit(com.ibm.icu.util.Currency.getInstance(key.currency().getCurrencyCode()));
    }

    private record FormatterKey(ULocale locale, Currency currency) {
    }
}
