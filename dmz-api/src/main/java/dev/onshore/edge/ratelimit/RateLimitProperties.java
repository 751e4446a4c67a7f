package dev.onshore.edge.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The edge's rate limits.
 *
 * @param enabled false turns every limit off (never in production)
 * @param shopperCookies cookies that identify a shopper's session besides the Authorization header
 * @param classes route classes, the first whose paths match a request applies; a request no class matches is unlimited
 * @param flushEvery how often a node adds its counts of the classes that fail open to the shared ones in Redis
 *         ({@link BatchedCounters}); the longer, the further a client may go over its limit across nodes
 */
@Validated
@ConfigurationProperties("onshore.rate-limits")
record RateLimitProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("KEYCLOAK_SESSION") List<String> shopperCookies, @NotEmpty List<@Valid RouteClass> classes,
        @DefaultValue("100ms") @NotNull Duration flushEvery) {

    /**
     * @param name the class's name, part of the Redis keys ({@code pages}, {@code search}, {@code api}, ...)
     * @param paths path patterns ({@code /*}{@code /search}, {@code /api/**})
     * @param perIp requests per window from one client address; 0 for none
     * @param perShopper requests per window from one shopper (bearer token or session cookie); 0 for none
     * @param window the counting window
     * @param whenRedisIsDown whether requests of this class pass or are refused while Redis cannot count them; a
     *         class that fails closed is counted in Redis request by request, one that fails open in batches
     */
    record RouteClass(@NotBlank String name, @NotEmpty List<String> paths, @PositiveOrZero int perIp,
            @PositiveOrZero int perShopper, @NotNull Duration window,
            @DefaultValue("OPEN") OutagePolicy whenRedisIsDown) {
    }

    enum OutagePolicy {
        /** Serve the request unlimited. */
        OPEN,
        /** Refuse it with 503 and Retry-After. */
        CLOSED
    }
}
