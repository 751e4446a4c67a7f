package dev.onshore.was.storefront;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The rendered-page cache of this node.
 *
 * @param enabled off only to measure what rendering costs
 * @param maxAge the longest a rendered page is served; bounds staleness for what no event announces (an operator
 *     editing MariaDB by hand, a certificate expiring at midnight). Catalog and CMS changes drop pages at once.
 * @param maxSize the heap the cached pages may take (bodies and keys); the least useful go first
 * @param edgeMaxAge how long the edge may answer a shared page itself ({@value RenderedPages#EDGE_CACHE}): no event
 *     reaches the edge's micro-cache, so this is how much later a catalog or CMS change may show through a gateway
 *     node; never longer than the page stays valid here. Zero lets the edge keep nothing.
 */
@Validated
@ConfigurationProperties("onshore.storefront.page-cache")
record PageCacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration maxAge,
        @DefaultValue("64MB") DataSize maxSize, @DefaultValue("2s") Duration edgeMaxAge) {

    PageCacheProperties {
        if (edgeMaxAge.isNegative()) {
            throw new IllegalArgumentException("onshore.storefront.page-cache.edge-max-age must not be negative");
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("onshore.storefront.page-cache.max-age must be positive: " + maxAge);
        }
    }
}
