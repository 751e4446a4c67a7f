package dev.onshore.was.security;

import dev.onshore.i18n.context.HopSignature;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The shopper-context headers ({@code X-Onshore-Country/Locale/Currency/TimeZone/Context-Source/Client-IP}) are
 * believed only on a request the edge signed ({@link HopSignature}) with an accepted key, within the maximum age.
 * Any other caller (a direct request to this node, a forged or stale signature) is served as a shopper without a
 * context: the headers are hidden from everything downstream, and pages fall back to their own defaults.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@EnableConfigurationProperties(HopProperties.class)
class ShopperContextTrust extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ShopperContextTrust.class);
    private static final Set<String> CONTEXT_HEADERS = Set.copyOf(HopSignature.SIGNED_HEADERS);

    private final List<String> keys;
    private final HopProperties properties;
    private final Clock clock;

    ShopperContextTrust(HopProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.keys = properties.acceptedKeys();
        if (keys.isEmpty()) {
            log.warn("No hop key (onshore.hop.keys): no request will carry a shopper context");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isSignedByTheEdge(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (hasContext(request)) {
            log.debug("Ignoring an unsigned shopper context on {} from {}", request.getMethod(), request.getRemoteAddr());
        }
        chain.doFilter(new WithoutContext(request), response);
    }

    private boolean isSignedByTheEdge(HttpServletRequest request) {
        var header = request.getHeader(HopSignature.HEADER);
        if (header == null || keys.isEmpty()) {
            return false;
        }
        for (var name : HopSignature.SIGNED_HEADERS) {
            if (Collections.list(request.getHeaders(name)).size() > 1) {
                return false; // a second value was added past the edge
            }
        }
        return HopSignature.verify(keys, header, request.getMethod(), request.getRequestURI(), request::getHeader,
                clock.instant(), properties.maxAge());
    }

    private static boolean hasContext(HttpServletRequest request) {
        return HopSignature.SIGNED_HEADERS.stream().anyMatch(name -> request.getHeader(name) != null);
    }

    private static boolean isContext(String name) {
        return CONTEXT_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The request as if no edge had said anything about the shopper. */
    private static final class WithoutContext extends HttpServletRequestWrapper {

        WithoutContext(HttpServletRequest request) {
            super(request);
        }

        @Override
        public @Nullable String getHeader(String name) {
            return isContext(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isContext(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !isContext(name)).toList());
        }
    }
}
