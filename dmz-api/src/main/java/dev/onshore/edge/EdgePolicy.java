package dev.onshore.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every request crossing the edge goes through, before any route: internal-only paths answer 404 as if they
 * did not exist (but for the gateway's own health probes, and its own metrics to a scraper asking directly); headers
 * that only the edge may set ({@code X-Onshore-*}) are dropped from the client's request and set by the edge, and so
 * are hop-by-hop headers (no upgrade or h2c smuggling to the internal tier); responses carry the security headers
 * once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EdgePolicy extends OncePerRequestFilter {

    static final String EDGE_HEADER_PREFIX = "x-onshore-";
    static final String CLIENT_IP = "X-Onshore-Client-IP";

    /** RFC 9110 §7.6.1 connection-specific headers (and h2c's), which a proxy must not forward. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "te", "trailer",
            "upgrade", "http2-settings", "proxy-authorization", "proxy-authenticate");

    private static final Set<String> SECURITY_HEADERS = Set.of("x-content-type-options", "x-frame-options",
            "referrer-policy", "content-security-policy", "permissions-policy");

    private static final Pattern PATH_PARAMETERS = Pattern.compile(";[^/]*");
    private static final Pattern REPEATED_SLASHES = Pattern.compile("/{2,}");

    private final List<String> blockedPaths;
    private final TrustedProxies proxies;
    private final TrustedProxies scrapers;

    EdgePolicy(EdgeProperties properties, MetricsProperties metrics) {
        this.blockedPaths = properties.blockedPaths().stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
        this.proxies = new TrustedProxies(properties.trustedProxies());
        this.scrapers = new TrustedProxies(metrics.scrapers());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var path = normalizedPath(request.getRequestURI());
        if (path == null) {
            Problems.write(response, 400, "bad-path", "Bad request", "The request path is not acceptable.");
            return;
        }
        if (isBlocked(path) && !isOwnHealthProbe(path) && !isScrape(request)) {
            Problems.write(response, 404, "not-found", "Not found", "There is nothing at this address.");
            return;
        }
        var client = proxies.clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
        var secured = new SecurityHeaders(response);
        secured.setHeader("X-Content-Type-Options", "nosniff");
        secured.setHeader("X-Frame-Options", "DENY");
        secured.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        secured.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (!path.startsWith("/realms/") && !path.startsWith("/resources/")) {
            // Keycloak's own pages bring their own policy; everything else is ours and needs no inline script.
            secured.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                    + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
        }
        chain.doFilter(new EdgeRequest(request, client), secured);
    }

    private boolean isBlocked(String path) {
        return blockedPaths.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/")
                || (prefix.endsWith("/") && path.startsWith(prefix)));
    }

    /** The gateway's own readiness and liveness, for the L4 health checks; nothing else of actuator. */
    private static boolean isOwnHealthProbe(String path) {
        return path.equals("/actuator/health/readiness") || path.equals("/actuator/health/liveness");
    }

    /**
     * Prometheus asking this node for its own metrics: the direct peer is a configured scraper and no proxy relayed
     * the request (the WAF and the L4 always add X-Forwarded-For), so no shopper's request can ever qualify. Only the
     * exact path, which the actuator endpoint answers before any route could send it upstream.
     */
    private boolean isScrape(HttpServletRequest request) {
        return "/actuator/prometheus".equals(request.getRequestURI()) && request.getHeader("X-Forwarded-For") == null
                && request.getHeader("Forwarded") == null
                && TrustedProxies.literal(request.getRemoteAddr()).filter(scrapers::isTrusted).isPresent();
    }

    /**
     * The path as the upstream will understand it: decoded, without parameters, with duplicate slashes folded and
     * lower-cased for matching. Null when it hides a dot-segment or an encoded separator (never legitimate here).
     */
    static @Nullable String normalizedPath(@Nullable String rawUri) {
        if (rawUri == null || rawUri.isEmpty() || rawUri.length() > 2048) {
            return null;
        }
        var lower = rawUri.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00") || lower.contains("\\")) {
            return null;
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(rawUri.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        var withoutParams = PATH_PARAMETERS.matcher(decoded).replaceAll("");
        var folded = REPEATED_SLASHES.matcher(withoutParams).replaceAll("/");
        for (var segment : folded.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return null;
            }
        }
        return folded.toLowerCase(Locale.ROOT);
    }

    /** The client's request without any edge-only header, plus the ones the edge vouches for. */
    private static final class EdgeRequest extends HttpServletRequestWrapper {

        private final String client;

        EdgeRequest(HttpServletRequest request, String client) {
            super(request);
            this.client = client;
        }

        /** Headers the client may not pass on: the edge's own, and connection-specific ones. */
        private static boolean edgeOnly(String name) {
            var lower = name.toLowerCase(Locale.ROOT);
            return lower.startsWith(EDGE_HEADER_PREFIX) || HOP_BY_HOP.contains(lower);
        }

        @Override
        public @Nullable String getHeader(String name) {
            if (CLIENT_IP.equalsIgnoreCase(name)) {
                return client;
            }
            return edgeOnly(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (CLIENT_IP.equalsIgnoreCase(name)) {
                return Collections.enumeration(List.of(client));
            }
            return edgeOnly(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            var names = Collections.list(super.getHeaderNames()).stream().filter(n -> !edgeOnly(n))
                    .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
            names.add(CLIENT_IP);
            return Collections.enumeration(names);
        }
    }

    /** Security headers appear once: a later value (the upstream's) replaces the edge's instead of adding to it. */
    private static final class SecurityHeaders extends HttpServletResponseWrapper {

        SecurityHeaders(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (SECURITY_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
