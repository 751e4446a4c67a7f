package dev.onshore.was.catalog;

/** How a market's price of a product is set. */
public enum OfferPricing {
    /** A list price in the market's currency, set by an operator. */
    LIST,
    /**
     * The product's base price converted at the exchange rate in force, plus the market's markup, rounded by the
     * market's rule. While the rate is stale or missing the product is not sellable in the market.
     */
    CONVERTED
}
