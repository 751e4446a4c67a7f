package dev.onshore.i18n.money;

import com.ibm.icu.text.CurrencyMetaInfo;
import com.ibm.icu.util.Currency.CurrencyUsage;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A currency's fraction digits and rounding increment from ICU/CLDR, not from {@link Currency}: the JDK says IDR has
 * 2 digits, CLDR (which shoppers' receipts follow) says 0.
 *
 * @param fractionDigits digits after the decimal point
 * @param increment      the smallest step, e.g. 0.01, or 0.05 for CHF cash; never null
 */
record CurrencyDigits(int fractionDigits, BigDecimal increment) {

    private static final ConcurrentHashMap<Currency, CurrencyDigits> STANDARD = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Currency, CurrencyDigits> CASH = new ConcurrentHashMap<>();

    static CurrencyDigits of(Currency currency) {
        return STANDARD.computeIfAbsent(currency, c -> load(c, CurrencyUsage.STANDARD));
    }

    static CurrencyDigits cash(Currency currency) {
        return CASH.computeIfAbsent(currency, c -> load(c, CurrencyUsage.CASH));
    }

    private static CurrencyDigits load(Currency currency, CurrencyUsage usage) {
        CurrencyMetaInfo.CurrencyDigits digits =
                CurrencyMetaInfo.getInstance().currencyDigits(currency.getCurrencyCode(), usage);
        int increment = digits.roundingIncrement == 0 ? 1 : digits.roundingIncrement;
        return new CurrencyDigits(digits.fractionDigits, BigDecimal.valueOf(increment, digits.fractionDigits));
    }
}
