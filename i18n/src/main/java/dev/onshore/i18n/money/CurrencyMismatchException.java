package dev.onshore.i18n.money;

import java.util.Currency;

/** Thrown when money of two currencies is added, subtracted or compared: that needs an explicit conversion. */
public final class CurrencyMismatchException extends IllegalArgumentException {

    CurrencyMismatchException(Currency left, Currency right) {
        super("Cannot combine " + left.getCurrencyCode() + " with " + right.getCurrencyCode()
                + " without converting one of them");
    }
}
