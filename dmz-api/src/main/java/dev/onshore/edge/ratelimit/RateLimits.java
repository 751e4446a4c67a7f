package dev.onshore.edge.ratelimit;

import dev.onshore.edge.redis.RedisUnavailableException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Counts each request against its route class's limits, per client address (the one the trusted proxy chain vouches
 * for, {@code X-Onshore-Client-IP}, set by the edge policy that runs first) and per shopper (a hash of the bearer
 * token or session cookie: an unverified token's subject would let anyone exhaust someone else's allowance).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RateLimits extends OncePerRequestFilter {

    static final String CLIENT_IP = "X-Onshore-Client-IP";

    private final RateLimitProperties properties;
    private final List<Matcher> classes;
    private final RequestCounters counters;
    private final BatchedCounters batched;
    private final Refusals refusals;

    RateLimits(RateLimitProperties properties, RequestCounters counters, BatchedCounters batched, Refusals refusals) {
        this.properties = properties;
        this.counters = counters;
        this.batched = batched;
        this.refusals = refusals;
        this.classes = properties.classes().stream().map(Matcher::new).toList();
    }

    /** The gateway's own health probes and metrics are for the L4 and the scraper, never counted. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var routeClass = properties.enabled() ? classify(request.getRequestURI()) : null;
        if (routeClass == null) {
            chain.doFilter(request, response);
            return;
        }
        var limits = new ArrayList<RequestCounters.Limit>();
        var client = request.getHeader(CLIENT_IP);
        if (routeClass.perIp() > 0 && client != null) {
            limits.add(new RequestCounters.Limit("rl:" + routeClass.name() + ":ip:" + client, routeClass.perIp()));
        }
        var shopper = shopper(request);
        if (routeClass.perShopper() > 0 && shopper != null) {
            limits.add(new RequestCounters.Limit("rl:" + routeClass.name() + ":shopper:" + shopper,
                    routeClass.perShopper()));
        }
        Duration wait;
        if (routeClass.whenRedisIsDown() == RateLimitProperties.OutagePolicy.OPEN) {
            // Browsing: counted here and shared in batches, no Redis round trip per request.
            wait = batched.count(limits, routeClass.window());
        } else {
            try {
                wait = counters.count(limits, routeClass.window());
            } catch (RedisUnavailableException e) {
                refusals.refuse(request, response, 503, "temporarily-unavailable", "unavailable", Map.of(),
                        Duration.ofSeconds(5));
                return;
            }
        }
        if (!wait.isZero()) {
            refusals.refuse(request, response, 429, "rate-limited", "limited",
                    Map.of("seconds", Refusals.seconds(wait)), wait);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The first route class whose paths match; null when none does. */
    RateLimitProperties.@Nullable RouteClass classify(String path) {
        var container = PathContainer.parsePath(path);
        for (var matcher : classes) {
            if (matcher.matches(container)) {
                return matcher.routeClass();
            }
        }
        return null;
    }

    private @Nullable String shopper(HttpServletRequest request) {
        var authorization = request.getHeader("Authorization");
        if (authorization != null && !authorization.isBlank()) {
            return sha256(authorization);
        }
        var cookies = request.getCookies();
        if (cookies != null) {
            for (var cookie : cookies) {
                if (properties.shopperCookies().contains(cookie.getName()) && !cookie.getValue().isBlank()) {
                    return sha256(cookie.getValue());
                }
            }
        }
        return null;
    }

    private static String sha256(String value) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Matcher(RateLimitProperties.RouteClass routeClass, List<PathPattern> patterns) {

        Matcher(RateLimitProperties.RouteClass routeClass) {
            this(routeClass, routeClass.paths().stream().map(PathPatternParser.defaultInstance::parse).toList());
        }

        boolean matches(PathContainer path) {
            return patterns.stream().anyMatch(p -> p.matches(path));
        }
    }
}
