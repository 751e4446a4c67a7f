package dev.onshore.was.storefront;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Absolute URLs of storefront pages as shoppers reach them (sitemaps, canonical and hreflang links, links in mails):
 * always the configured public address of the page's market, never the address this node was called on (which is
 * the internal one, behind the edge).
 */
@Component
class PublicUrls {

    /**
     * @param publicBaseUrl where shoppers reach the storefront (scheme, host, optional port; no path)
     * @param marketBaseUrls overrides by market (ISO country code) for markets with a domain of their own
     */
    @ConfigurationProperties("onshore.storefront")
    record Properties(@DefaultValue("http://localhost:8080") URI publicBaseUrl,
            @DefaultValue Map<String, URI> marketBaseUrls) {

        Properties {
            check(publicBaseUrl);
            marketBaseUrls.values().forEach(Properties::check);
        }

        private static void check(URI base) {
            if (!base.isAbsolute() || base.getHost() == null || !(base.getScheme().equals("https")
                    || base.getScheme().equals("http")) || base.getRawQuery() != null || base.getRawFragment() != null) {
                throw new IllegalArgumentException("Not a public base URL (scheme://host[:port]): " + base);
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(Properties.class)
    static class Settings {
    }

    private final Properties properties;

    PublicUrls(Properties properties) {
        this.properties = properties;
    }

    /** The origin of a market's pages, without a trailing slash. */
    String origin(String market) {
        var base = properties.marketBaseUrls().getOrDefault(market.toUpperCase(Locale.ROOT), properties.publicBaseUrl());
        return base.toString().replaceAll("/+$", "");
    }

    /** The absolute URL of a page: {@code rest} is the path after the locale prefix, without a leading slash. */
    String page(StorefrontLocale locale, String rest) {
        return origin(locale.market()) + "/" + locale.path() + "/" + rest;
    }
}
