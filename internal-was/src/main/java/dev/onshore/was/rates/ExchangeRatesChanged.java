package dev.onshore.was.rates;

import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * Rates were recorded (an import or an override): prices converted into these currencies may have changed.
 *
 * @param quotes the quote currency codes with a new rate, sorted
 */
public record ExchangeRatesChanged(UUID eventId, List<String> quotes, Instant occurredAt) {

    public ExchangeRatesChanged {
        quotes = List.copyOf(quotes);
    }

    public static ExchangeRatesChanged of(Collection<Currency> quotes, Instant at) {
        return new ExchangeRatesChanged(UUID.randomUUID(),
                quotes.stream().map(Currency::getCurrencyCode).distinct().sorted().toList(), at);
    }
}
