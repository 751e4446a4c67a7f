package dev.onshore.was.payments.internal;

import dev.onshore.i18n.market.Markets;
import dev.onshore.was.payments.PaymentGateway;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The gateways this node has, by provider name, and the one configured per market. The market of a payment is the
 * one whose currency it is charged in (every market has its own currency).
 */
@Component
class Gateways {

    private final Markets markets;


    private final Map<String, PaymentGateway> byProvider;
    private final PaymentsProperties properties;

    Gateways(List<PaymentGateway> gateways, PaymentsProperties properties, Markets markets) {
        this.markets = markets;
        this.byProvider = gateways.stream().collect(Collectors.toMap(PaymentGateway::provider, Function.identity()));
        this.properties = properties;
        var configured = new java.util.HashSet<>(properties.providers().values());
        configured.add(properties.defaultProvider());
        configured.removeAll(byProvider.keySet());
        if (!configured.isEmpty()) {
            throw new IllegalStateException("onshore.payments names gateways this node does not have: " + configured
                    + " (available: " + byProvider.keySet() + ")");
        }
    }

    Optional<PaymentGateway> byProvider(String provider) {
        return Optional.ofNullable(byProvider.get(provider.toLowerCase(Locale.ROOT)));
    }

    PaymentGateway forCurrency(Currency currency) {
        var market = markets.all().stream().filter(candidate -> candidate.currency().equals(currency)).findFirst()
                .map(found -> found.country()).orElse("");
        return byProvider.get(properties.providers().getOrDefault(market, properties.defaultProvider()));
    }
}
