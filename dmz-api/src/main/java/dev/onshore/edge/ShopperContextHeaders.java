package dev.onshore.edge;

import dev.onshore.i18n.context.Resolution;
import dev.onshore.i18n.context.ShopperChoiceCodec;
import dev.onshore.i18n.context.ShopperContext;
import dev.onshore.i18n.context.ShopperContextResolver;
import dev.onshore.i18n.context.ShopperRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the internal WAS who the shopper is: country, locale, currency and time zone, decided here from the choice
 * cookie, the URL, Accept-Language and GeoIP (in that order; see {@link ShopperContextResolver}). Runs after
 * {@link EdgePolicy}, so the client's own copies of these headers are already gone and the client address is the
 * one the trusted proxy chain vouches for.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ShopperContextHeaders extends OncePerRequestFilter {

    static final String COUNTRY = "X-Onshore-Country";
    static final String LOCALE = "X-Onshore-Locale";
    static final String CURRENCY = "X-Onshore-Currency";
    static final String TIME_ZONE = "X-Onshore-TimeZone";
    static final String RESOLVED_BY = "X-Onshore-Context-Source";
    static final String SUGGESTED_COUNTRY = "X-Onshore-Suggested-Country";
    static final String SUGGESTED_LOCALE = "X-Onshore-Suggested-Locale";

    private final ShopperContextResolver resolver;

    ShopperContextHeaders(ShopperContextResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var shopper = new ShopperRequest(choiceCookie(request), request.getRequestURI(),
                request.getHeader("Accept-Language"), request.getHeader(EdgePolicy.CLIENT_IP),
                request.getHeader("User-Agent"));
        var headers = headers(resolver.resolve(shopper));
        // What the bare root would pick for this shopper: a localized page suggests it (no header: the site default).
        var suggested = resolver.suggest(shopper);
        if (suggested.resolvedBy() != Resolution.SITE_DEFAULT) {
            headers.put(SUGGESTED_COUNTRY, suggested.country());
            headers.put(SUGGESTED_LOCALE, suggested.locale().toLanguageTag());
        }
        response.addHeader("Vary", "Accept-Language, Cookie");
        chain.doFilter(new WithContext(request, headers), response);
    }

    static TreeMap<String, String> headers(ShopperContext context) {
        var headers = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        headers.put(COUNTRY, context.country());
        headers.put(LOCALE, context.locale().toLanguageTag());
        headers.put(CURRENCY, context.currency().getCurrencyCode());
        headers.put(TIME_ZONE, context.zoneId().getId());
        headers.put(RESOLVED_BY, context.resolvedBy().name());
        return headers;
    }

    private static @Nullable String choiceCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (var cookie : cookies) {
            if (ShopperChoiceCodec.COOKIE_NAME.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static final class WithContext extends HttpServletRequestWrapper {

        private final Map<String, String> added;
        private final List<String> names;

        WithContext(HttpServletRequest request, Map<String, String> added) {
            super(request);
            this.added = added;
            // The client's copies of these names are already hidden (EdgePolicy): each name appears once.
            var all = new ArrayList<>(Collections.list(request.getHeaderNames()));
            all.addAll(added.keySet());
            this.names = all;
        }

        @Override
        public @Nullable String getHeader(String name) {
            var value = added.get(name);
            return value != null ? value : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            var value = added.get(name);
            return value != null ? Collections.enumeration(List.of(value)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(names);
        }
    }
}
