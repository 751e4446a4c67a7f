package dev.onshore.i18n.rates;

/** Where an exchange rate came from. */
public enum RateSource {
    /** The European Central Bank's reference rates (XML), crossed to the base currency. */
    ECB,
    /** A CSV file from the daily batch. */
    CSV,
    /** Entered by an operator, with a reason. */
    MANUAL
}
