package dev.onshore.was.storefront;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The storefront's style sheets and scripts are addressed by a hash of their content ({@code /css/storefront-<md5>.css}, written
 * by {@code @{/css/...}} in templates), so browsers and the WAF may keep them for a year: a new release changes the
 * name. Other static files (CMS images, named by operators) keep the default: revalidated on every use.
 *
 * <p>Each directory has a handler of its own and Spring Boot's catch-all {@code /**} handler is off
 * ({@code spring.web.resources.add-mappings: false}): with the resource chain on, every link a page or a mail writes
 * ({@code @{/id-id/cart}}) is offered to the handlers whose pattern matches it, so under {@code /**} each one was
 * searched for in four class path locations, found nowhere, and searched for again on the next render (the chain
 * caches only what it finds): 5 % of internal-was's CPU under checkout load.
 */
@Configuration(proxyBeanMethods = false)
class StaticAssets implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true).addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true).addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        registry.addResourceHandler("/img/**").addResourceLocations("classpath:/static/img/").resourceChain(true);
    }
}
