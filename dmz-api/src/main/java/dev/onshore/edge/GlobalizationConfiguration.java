package dev.onshore.edge;

import dev.onshore.i18n.context.ShopperContextResolver;
import dev.onshore.i18n.geoip.CountryLookup;
import dev.onshore.i18n.geoip.MaxMindCountryLookup;
import dev.onshore.i18n.market.Markets;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * GeoIP and the shopper-context resolver. The database file is re-read when it changes (a nightly update needs no
 * restart); while it is missing every visitor is treated as "country unknown" and gets the site default.
 */
@Configuration(proxyBeanMethods = false)
class GlobalizationConfiguration {

    @Bean(destroyMethod = "")
    CountryLookup countryLookup(@Value("${onshore.geoip.database}") Path database,
            @Value("${onshore.geoip.recheck:PT1M}") Duration recheck) {
        return new MaxMindCountryLookup(database, recheck);
    }

    @Bean
    ShopperContextResolver shopperContextResolver(CountryLookup countries) {
        return new ShopperContextResolver(Markets.defaults(), countries);
    }
}
