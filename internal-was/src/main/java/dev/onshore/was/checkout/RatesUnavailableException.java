package dev.onshore.was.checkout;

/** The exchange rate to the base currency is stale or missing: no order can be priced in it now. */
public class RatesUnavailableException extends RuntimeException {

    public RatesUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
