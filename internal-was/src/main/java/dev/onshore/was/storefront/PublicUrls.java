package dev.onshore.was.storefront;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
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

    /**
     * Whether {@code url} (an {@code Origin} header or a {@code Referer}) is on one of the storefront's public origins
     * (scheme, host and port alike; a default port counts as written out). Null or malformed: false.
     */
    boolean isStorefront(@Nullable String url) {
        if (url == null || url.length() > 2000) {
            return false;
        }
        try {
            var origin = origin(URI.create(url));
            if (origin == null) {
                return false;
            }
            return origin.equals(origin(properties.publicBaseUrl()))
                    || properties.marketBaseUrls().values().stream().anyMatch(base -> origin.equals(origin(base)));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static @Nullable String origin(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            return null;
        }
        var scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        var port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** The absolute URL of a page: {@code rest} is the path after the locale prefix, without a leading slash. */
    String page(StorefrontLocale locale, String rest) {
        return origin(locale.market()) + "/" + locale.path() + "/" + rest;
    }
}
