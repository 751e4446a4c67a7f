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
 */
@Validated
@ConfigurationProperties("onshore.rate-limits")
record RateLimitProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("KEYCLOAK_SESSION") List<String> shopperCookies, @NotEmpty List<@Valid RouteClass> classes) {

    /**
     * @param name the class's name, part of the Redis keys ({@code pages}, {@code search}, {@code api}, ...)
     * @param paths path patterns ({@code /*}{@code /search}, {@code /api/**})
     * @param perIp requests per window from one client address; 0 for none
     * @param perShopper requests per window from one shopper (bearer token or session cookie); 0 for none
     * @param window the counting window
     * @param whenRedisIsDown whether requests of this class pass or are refused while Redis cannot count them
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
