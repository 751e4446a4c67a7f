package dev.onshore.i18n.rates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link Rates} on the heap, for tests, the embedded demo and as the reference behaviour for other stores. */
public final class InMemoryRates implements Rates {

    private static final Comparator<ExchangeRate> ORDER =
            Comparator.comparing(ExchangeRate::effectiveFrom).thenComparing(ExchangeRate::recordedAt);

    private final Map<Pair, List<ExchangeRate>> byPair = new HashMap<>();

    @Override
    public synchronized void addAll(Collection<ExchangeRate> rates) {
        for (ExchangeRate rate : List.copyOf(rates)) {
            List<ExchangeRate> list = byPair.computeIfAbsent(new Pair(rate.base(), rate.quote()), p -> new ArrayList<>());
            list.add(rate);
            list.sort(ORDER);
        }
    }

    @Override
    public synchronized Optional<ExchangeRate> effectiveAt(Currency base, Currency quote, Instant at) {
        List<ExchangeRate> list = byPair.get(new Pair(base, quote));
        if (list == null) {
            return Optional.empty();
        }
        for (int i = list.size() - 1; i >= 0; i--) {
            if (!list.get(i).effectiveFrom().isAfter(at)) {
                return Optional.of(list.get(i));
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized List<ExchangeRate> history(Currency base, Currency quote) {
        return List.copyOf(byPair.getOrDefault(new Pair(base, quote), List.of()));
    }

    @Override
    public synchronized Set<Currency> quotes(Currency base) {
        Set<Currency> quotes = new LinkedHashSet<>();
        byPair.keySet().stream().filter(p -> p.base().equals(base)).forEach(p -> quotes.add(p.quote()));
        return Set.copyOf(quotes);
    }

    private record Pair(Currency base, Currency quote) {
    }
}
