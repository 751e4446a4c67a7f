package dev.onshore.edge;

import java.util.List;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Takes out the gateway's own request header filters that {@link ForwardedHeaders} makes redundant. Without
 * {@code trusted-proxies} (the edge keeps its own list), the gateway registers one filter dropping {@code Forwarded}
 * and one dropping {@code X-Forwarded-*}, each copying every header of every request, and neither can be switched off
 * by a property. {@link ForwardedHeaders}, applied last, is an allow-list that holds neither and sets
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} itself, so they did work whose result was thrown away. The
 * gateway's hop-by-hop request filter, which has a switch, is off in application.yml for the same reason.
 */
@Configuration(proxyBeanMethods = false)
class RedundantHeaderFilters {

    /** The gateway's bean names (GatewayServerMvcAutoConfiguration). */
    static final List<String> NAMES = List.of("removeForwardedRequestHeadersFilter",
            "removeXForwardedRequestHeadersFilter");

    @Bean
    static BeanDefinitionRegistryPostProcessor withoutRedundantHeaderFilters() {
        return registry -> NAMES.stream().filter(registry::containsBeanDefinition)
                .forEach(registry::removeBeanDefinition);
    }
}
