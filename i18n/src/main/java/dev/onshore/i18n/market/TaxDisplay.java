package dev.onshore.i18n.market;

/** Whether a market's shelf prices include tax (VAT/GST countries) or show it at checkout (US sales tax). */
public enum TaxDisplay {
    INCLUSIVE,
    EXCLUSIVE
}
