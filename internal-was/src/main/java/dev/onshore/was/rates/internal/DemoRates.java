package dev.onshore.was.rates.internal;

import dev.onshore.i18n.rates.ExchangeRates;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's exchange rates (profile {@code demo}), so that its converted offers have prices: recorded at start as
 * manual rates with a reason, for each currency whose rate in force is missing or more than a day old. A demo left
 * running past the maximum age shows what production does without its daily import: those offers disappear.
 */
@Component
@Profile("demo")
@Order(0)
class DemoRates implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRates.class);

    /** Units per 1 KRW, close to 2026 market rates. */
    private static final Map<String, String> PER_KRW = new LinkedHashMap<>();

    static {
        PER_KRW.put("USD", "0.00072");
        PER_KRW.put("IDR", "11.6");
        PER_KRW.put("MYR", "0.0032");
        PER_KRW.put("SGD", "0.00097");
        PER_KRW.put("CNY", "0.0052");
        PER_KRW.put("JPY", "0.11");
        PER_KRW.put("THB", "0.025");
        PER_KRW.put("VND", "18.3");
        PER_KRW.put("EUR", "0.00066");
    }

    private final ExchangeRates rates;

    DemoRates(ExchangeRates rates) {
        this.rates = rates;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!rates.settings().base().getCurrencyCode().equals("KRW")) {
            log.warn("Demo rates are quoted against KRW; the base is {}: none recorded", rates.settings().base());
            return;
        }
        int recorded = 0;
        for (var entry : PER_KRW.entrySet()) {
            var quote = Currency.getInstance(entry.getKey());
            var age = rates.age(quote);
            if (age.isEmpty() || age.get().compareTo(Duration.ofDays(1)) > 0) {
                rates.override(quote, new BigDecimal(entry.getValue()), "Demo rates, recorded at start (profile demo)");
                recorded++;
            }
        }
        log.info("Demo exchange rates: {} recorded, {} current", recorded, PER_KRW.size() - recorded);
    }
}
