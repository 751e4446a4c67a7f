package dev.onshore.was.markets;

import dev.onshore.i18n.market.Markets;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The markets and the time every area works with. Both are beans so that nothing reads them statically: a test
 * gives the application another clock (a sale window, a certificate expiring, a stale rate) or other markets.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MarketsProperties.class)
class MarketsConfiguration {

    @Bean
    Markets markets(MarketsProperties properties) {
        return properties.markets();
    }

    /** UTC: instants are stored and compared in UTC; a market's zone turns them into its dates. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
