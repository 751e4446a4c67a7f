package dev.onshore.was.storefront;

import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.cms.SiteContent;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the rendered-page cache right behind the security filters: authorization still runs on every request. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PageCacheProperties.class, StorefrontProperties.class})
class PageCacheConfiguration {

    @Bean
    RenderedPages renderedPages(ProductCatalog catalog, SiteContent content, PageCacheProperties properties,
            Clock clock, MeterRegistry meters) {
        return new RenderedPages(catalog, content, properties, clock, meters);
    }

    @Bean
    FilterRegistrationBean<RenderedPages> renderedPagesRegistration(RenderedPages filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
