package dev.onshore.edge.pagecache;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The edge's page micro-cache.
 *
 * @param enabled false forwards every page request, as before the cache
 * @param maxAge the longest a page is answered from the edge, whatever internal-was allows: how much later than on
 *         internal-was a change (a price, a text) shows through this node at the most
 * @param maxSize the heap the kept pages may take (their bodies, plain and gzipped)
 * @param coalesceWait how long a request for a page that another request is fetching from internal-was waits for
 *         that answer before it forwards itself (the answer usually comes in milliseconds; this bounds a hung one)
 */
@Validated
@ConfigurationProperties("onshore.edge.page-cache")
public record PageCacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2s") @NotNull Duration maxAge,
        @DefaultValue("64MB") @NotNull DataSize maxSize, @DefaultValue("5s") @NotNull Duration coalesceWait) {
}
