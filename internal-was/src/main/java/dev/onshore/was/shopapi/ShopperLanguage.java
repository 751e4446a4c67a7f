package dev.onshore.was.shopapi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the store API's request locale the shopper's (a {@code locale} parameter, else the gateway's, else
 * Accept-Language), so that every answer, including the framework's and the security filters' problem details
 * (404, 405, 406, 401), speaks the shopper's language rather than the browser's.
 */
final class ShopperLanguage extends OncePerRequestFilter {

    private final ShopContexts contexts;

    ShopperLanguage(ShopContexts contexts) {
        this.contexts = contexts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/shop/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new InLanguage(request, contexts.language(request)), response);
    }

    private static final class InLanguage extends HttpServletRequestWrapper {

        private final Locale locale;

        InLanguage(HttpServletRequest request, Locale locale) {
            super(request);
            this.locale = locale;
        }

        @Override
        public Locale getLocale() {
            return locale;
        }

        @Override
        public Enumeration<Locale> getLocales() {
            return Collections.enumeration(List.of(locale));
        }

        /** Spring's Accept-Language resolver reads the header first; it must see the same choice. */
        @Override
        public @Nullable String getHeader(String name) {
            return "Accept-Language".equalsIgnoreCase(name) ? locale.toLanguageTag() : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Accept-Language".equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(locale.toLanguageTag())) : super.getHeaders(name);
        }
    }
}
