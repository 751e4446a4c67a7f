package dev.onshore.admin;

import dev.onshore.i18n.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How the back office writes an amount of money: ICU through {@link Money#formatUnambiguous(Locale)} for the
 * operator's language, at the currency's own digits ("IDR 214,000", "₩36,000", "SGD 12.90"; ICU puts a no-break
 * space between code and number). Templates reach it as {@code #money} ({@link MoneyDialect}); Java code that builds
 * texts for a screen (the statistics table) calls it directly, so every screen writes money the same way.
 */
public final class AmountFormat {

    private AmountFormat() {
    }

    /**
     * @param amount   the amount; null gives the empty text (an optional price that is not set)
     * @param currency the ISO 4217 code; null or unknown gives the plain amount, never an error page
     */
    public static String format(@Nullable BigDecimal amount, @Nullable String currency, Locale locale) {
        if (amount == null) {
            return "";
        }
        Currency known;
        try {
            known = Currency.getInstance(currency == null ? "" : currency.strip());
        } catch (IllegalArgumentException unknown) {
            return amount.stripTrailingZeros().toPlainString() + (currency == null ? "" : " " + currency);
        }
        return Money.of(amount, known).formatUnambiguous(locale);
    }

    public static String format(Money money, Locale locale) {
        return money.formatUnambiguous(locale);
    }
}
