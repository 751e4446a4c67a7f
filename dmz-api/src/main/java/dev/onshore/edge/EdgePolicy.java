package dev.onshore.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every request crossing the edge goes through, before any route: a request line the edge will not forward
 * (HTTP/0.9, a method outside HTTP's own: 501, a method the shop never serves: 405, a path or query that is not valid
 * percent-encoding: 400) is answered here as a problem; internal-only paths answer 404 as if they did not exist (but for the gateway's own health probes, and its own metrics to a scraper asking directly); headers
 * that only the edge may set ({@code X-Onshore-*}) are dropped from the client's request and set by the edge, and so
 * are hop-by-hop headers and any the client named in {@code Connection} (no upgrade or h2c smuggling to the internal
 * tier); responses carry the security headers once. Which headers reach an upstream at all is decided per route by
 * {@link ForwardedHeaders}.
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

    /** The methods of RFC 9110 and PATCH; anything else is not implemented here (501). */
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
            "OPTIONS", "TRACE", "CONNECT");
    /** Known, but never served by the shop: TRACE would echo cookies, CONNECT would make the edge a tunnel. */
    private static final Set<String> REFUSED_METHODS = Set.of("TRACE", "CONNECT");
    private static final Set<String> PROTOCOLS = Set.of("HTTP/1.1", "HTTP/1.0", "HTTP/2.0");

    /**
     * The policy of every response but Keycloak's. Kept in a file of its own
     * ({@value #CONTENT_SECURITY_POLICY_FILE}) because internal-was's build copies that file into its jar: its
     * storefront pages send this policy plus the hash of the style they inline, and replace ours (see
     * {@link SecurityHeaders}). One source, read by each zone from its own classpath.
     */
    static final String CONTENT_SECURITY_POLICY_FILE = "dev/onshore/edge/content-security-policy.txt";
    static final String CONTENT_SECURITY_POLICY = contentSecurityPolicy();

    private static final Pattern PATH_PARAMETERS = Pattern.compile(";[^/]*");
    private static final Pattern REPEATED_SLASHES = Pattern.compile("/{2,}");

    private final List<String> blockedPaths;
    private final TrustedProxies proxies;
    private final TrustedProxies scrapers;
    private final Problems problems;

    EdgePolicy(EdgeProperties properties, MetricsProperties metrics, TrustedProxies proxies, Problems problems) {
        this.blockedPaths = properties.blockedPaths().stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
        this.proxies = proxies;
        this.scrapers = new TrustedProxies(metrics.scrapers());
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!PROTOCOLS.contains(request.getProtocol())) {
            problems.reject(request, response, HttpStatus.BAD_REQUEST, "bad-request", "protocol");
            return;
        }
        if (!KNOWN_METHODS.contains(request.getMethod())) {
            problems.reject(request, response, HttpStatus.NOT_IMPLEMENTED, "not-implemented", "unknown method");
            return;
        }
        if (REFUSED_METHODS.contains(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
            problems.reject(request, response, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "refused method");
            return;
        }
        var path = normalizedPath(request.getRequestURI());
        if (path == null || !isValidQuery(request.getQueryString())) {
            problems.reject(request, response, HttpStatus.BAD_REQUEST, "bad-path", "path or query");
            return;
        }
        if (isBlocked(path) && !isOwnHealthProbe(path) && !isScrape(request)) {
            problems.reject(request, response, HttpStatus.NOT_FOUND, "not-found", "blocked path");
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
            secured.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        chain.doFilter(new EdgeRequest(request, client), secured);
    }

    private static String contentSecurityPolicy() {
        try (var in = EdgePolicy.class.getClassLoader().getResourceAsStream(CONTENT_SECURITY_POLICY_FILE)) {
            if (in == null) {
                throw new IllegalStateException(CONTENT_SECURITY_POLICY_FILE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A query string of valid percent-encoding only: the upstream URI is rebuilt from it. */
    static boolean isValidQuery(@Nullable String query) {
        if (query == null) {
            return true;
        }
        if (query.length() > 4096) {
            return false;
        }
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (Character.isISOControl(c)) {
                return false;
            }
            if (c == '%' && (i + 2 >= query.length() || !HexFormat.isHexDigit(query.charAt(i + 1))
                    || !HexFormat.isHexDigit(query.charAt(i + 2)))) {
                return false;
            }
        }
        return true;
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

    /**
     * The client's request without any edge-only header, plus the ones the edge vouches for. Which of the client's
     * headers are hidden is decided once, in one pass over their names: the gateway, the rate limits and the shopper
     * context then read the headers many times per request.
     */
    private static final class EdgeRequest extends HttpServletRequestWrapper {

        private final String client;
        /** The client's header names that are hidden, as it spelled them; usually none or Connection. */
        private final List<String> hidden;
        private final List<String> visible;

        EdgeRequest(HttpServletRequest request, String client) {
            super(request);
            this.client = client;
            var connectionScoped = connectionScoped(request);
            var hiddenNames = new ArrayList<String>(2);
            var visibleNames = new ArrayList<String>(24);
            for (var names = request.getHeaderNames(); names.hasMoreElements();) {
                var name = names.nextElement();
                (edgeOnly(name, connectionScoped) ? hiddenNames : visibleNames).add(name);
            }
            visibleNames.add(CLIENT_IP);
            this.hidden = hiddenNames;
            this.visible = visibleNames;
        }

        /** The names the client's Connection header lists, lower case: they are scoped to its connection. */
        private static Set<String> connectionScoped(HttpServletRequest request) {
            var values = request.getHeaders(HttpHeaders.CONNECTION);
            if (values == null || !values.hasMoreElements()) {
                return Set.of();
            }
            var names = new HashSet<String>();
            while (values.hasMoreElements()) {
                for (var name : values.nextElement().split(",")) {
                    names.add(name.strip().toLowerCase(Locale.ROOT));
                }
            }
            return names;
        }

        /** Headers the client may not pass on: the edge's own, connection-specific ones and those it named so. */
        private static boolean edgeOnly(String name, Set<String> connectionScoped) {
            var lower = name.toLowerCase(Locale.ROOT);
            return lower.startsWith(EDGE_HEADER_PREFIX) || HOP_BY_HOP.contains(lower) || connectionScoped.contains(lower);
        }

        private boolean isHidden(String name) {
            for (var hiddenName : hidden) {
                if (hiddenName.equalsIgnoreCase(name)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public @Nullable String getHeader(String name) {
            if (CLIENT_IP.equalsIgnoreCase(name)) {
                return client;
            }
            return isHidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (CLIENT_IP.equalsIgnoreCase(name)) {
                return Collections.enumeration(List.of(client));
            }
            return isHidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(visible);
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
