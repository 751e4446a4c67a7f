package dev.onshore.was.rates.internal;

import dev.onshore.i18n.rates.ExchangeRates;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The i18n library's exchange-rate capability, backed by MariaDB, on the application's clock. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateProperties.class)
class RatesConfiguration {

    @Bean
    JdbcRates jdbcRates(JdbcClient jdbc, TransactionTemplate transactions) {
        return new JdbcRates(jdbc, transactions);
    }

    @Bean
    ExchangeRates exchangeRates(JdbcRates rates, RateProperties properties, Clock clock,
            ObjectProvider<MeterRegistry> meters) {
        var exchangeRates = new ExchangeRates(rates, properties.settings(), clock);
        // The oldest rate in force, to alert on before converted offers stop being sellable.
        meters.ifAvailable(registry -> Gauge.builder("onshore.exchange.rates.oldest.age", exchangeRates,
                ExchangeRates::oldestRateAgeSeconds).baseUnit("seconds")
                .description("Age of the oldest exchange rate in force").register(registry));
        return exchangeRates;
    }
}
