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
 */
@Validated
@ConfigurationProperties("onshore.storefront.page-cache")
record PageCacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration maxAge,
        @DefaultValue("64MB") DataSize maxSize) {

    PageCacheProperties {
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("onshore.storefront.page-cache.max-age must be positive: " + maxAge);
        }
    }
}
