package dev.onshore.was.storefront;

import dev.onshore.was.catalog.CatalogCopies;
import dev.onshore.was.catalog.CatalogViewsChanged;
import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.cms.SiteContent;
import dev.onshore.was.cms.SiteViewsChanged;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves storefront pages from this node's heap once rendered: a page costs a few database reads, a search and a
 * template; a hit costs a map lookup. What may be cached: anonymous GETs of storefront paths answered 200 without a
 * cookie being set, and not marked {@link #PRIVATE} by their handler (pages that know who the shopper is must set
 * it). The key is what the page is rendered from: host, path, query, the shopper's time zone and the edge's
 * suggested locale (the only request headers a page reads; the gateway sets them).
 *
 * <p>A page is never served past the earliest of: its max age; the next scheduled change of the catalog (a sale
 * starting or ending) or of the CMS (an item's window); a change of the catalog or a site on any node, which bumps
 * the generation. A page rendered while a change was landing carries the generation it started with and is never
 * served after the bump, so a render racing an invalidation cannot resurrect the old state.
 */
final class RenderedPages extends OncePerRequestFilter {

    /**
     * The targeted cache-control field (RFC 9213) that lets dmz-api answer a shared page itself for a few seconds
     * ({@code onshore.storefront.page-cache.edge-max-age}); the edge removes it, browsers never see it.
     */
    static final String EDGE_CACHE = "Onshore-Edge-Cache-Control";

    /** Request attribute a handler sets (to anything) when its page is about one shopper and must not be shared. */
    static final String PRIVATE = RenderedPages.class.getName() + ".PRIVATE";

    private record Key(String host, String path, @Nullable String query, @Nullable String timeZone,
            String suggested) {
    }

    private record Page(String contentType, @Nullable String contentLanguage, byte[] body, long generation,
            java.time.Instant until) {
    }

    /** How long before its end a cached page is rendered anew, so that the edge may go on keeping it. */
    private static final Duration RENEW_BEFORE = Duration.ofMillis(1500);

    /** How long a request waits for another's render of the same page before rendering it itself. */
    private static final Duration RENDER_WAIT = Duration.ofSeconds(5);

    private final PageCacheProperties properties;
    private final Clock clock;
    private final CatalogCopies<Key, Page> pages;
    private final ConcurrentHashMap<Key, CompletableFuture<@Nullable Page>> rendering = new ConcurrentHashMap<>();

    RenderedPages(ProductCatalog catalog, SiteContent content, PageCacheProperties properties, Clock clock,
            MeterRegistry meters) {
        this.properties = properties;
        this.clock = clock;
        this.pages = CatalogCopies.<Key, Page>of(catalog, clock, properties.maxSize().toBytes())
                .weighedBy((key, page) -> page.body().length + 64 + key.path().length()
                        + (key.query() == null ? 0 : key.query().length()))
                .alsoChangingAt(content::nextScheduledChange).measured(meters, "storefront.pages").build();
    }

    @EventListener
    void on(CatalogViewsChanged event) {
        invalidate();
    }

    @EventListener
    void on(SiteViewsChanged event) {
        invalidate();
    }

    private void invalidate() {
        pages.invalidate();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI();
        return !properties.enabled() || !"GET".equals(request.getMethod()) || path.length() < 4
                || path.startsWith("/api/") || path.startsWith("/actuator/") || path.startsWith("/css/")
                || path.startsWith("/img/") || path.startsWith("/error")
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || ShopCookies.hasShopperCookie(request); // their pages show their cart and name
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var key = new Key(String.valueOf(request.getHeader(HttpHeaders.HOST)), request.getRequestURI(),
                query(request), request.getHeader("X-Onshore-TimeZone"),
                request.getHeader(Suggestions.COUNTRY) + " " + request.getHeader(Suggestions.LOCALE));
        var current = pages.generation();
        var cached = pages.current(key);
        if (cached != null && !renewedForTheEdge(cached, current)) {
            write(cached, response);
            return;
        }
        // One render per page at a time: when a page expires under load, the requests that arrive while it is
        // rendered wait for that render instead of all rendering it at once (which stalls a busy node for seconds).
        var mine = new CompletableFuture<@Nullable Page>();
        var theirs = rendering.putIfAbsent(key, mine);
        if (theirs != null && cached != null) {
            write(cached, response); // still valid here; its renewal is on its way
            return;
        }
        if (theirs != null) {
            var page = awaitRender(theirs);
            if (page != null && page.generation() == pages.generation()) {
                write(page, response);
            } else {
                chain.doFilter(request, response); // not shareable (a 404, a private page) or already outdated
            }
            return;
        }
        @Nullable Page rendered = null;
        try {
            rendered = render(key, current, request, response, chain);
        } finally {
            rendering.remove(key, mine);
            mine.complete(rendered);
        }
    }

    private @Nullable Page render(Key key, long current, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        var until = pages.until(current, properties.maxAge());
        var capturing = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, capturing);
            if (capturing.getStatus() == HttpServletResponse.SC_OK && capturing.getContentType() != null
                    && !capturing.containsHeader(HttpHeaders.SET_COOKIE) && request.getAttribute(PRIVATE) == null
                    && request.getAttribute("jakarta.servlet.error.status_code") == null) {
                if (until.isAfter(clock.instant())) {
                    var page = new Page(capturing.getContentType(), capturing.getHeader(HttpHeaders.CONTENT_LANGUAGE),
                            capturing.getContentAsByteArray(), current, until);
                    pages.keep(key, page, current, until);
                    edgeMayKeep(page, response);
                    return page;
                }
            }
            return null;
        } finally {
            capturing.copyBodyToResponse();
        }
    }

    private static @Nullable Page awaitRender(CompletableFuture<@Nullable Page> render) {
        try {
            return render.get(RENDER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    /**
     * Whether a cached page is rendered anew before it expires: in its last second the edge may no longer keep it
     * (max-age counts whole seconds), so until it expired every request for it would cross to this node (a fifth of
     * the time at a 5 s max age). It is renewed from {@link #RENEW_BEFORE} before its end (the margin covers the time
     * between this decision and its answer's header), when a page rendered now would last at least a second longer
     * (not when a scheduled change ends both at once, which would render it for every request).
     */
    private boolean renewedForTheEdge(Page page, long current) {
        if (properties.edgeMaxAge().toSeconds() < 1) {
            return false;
        }
        var now = clock.instant();
        if (Duration.between(now, page.until()).compareTo(RENEW_BEFORE) >= 0) {
            return false;
        }
        // The page is still valid (it ends after now), so a second beyond its end is a second beyond now too.
        return Duration.between(page.until(), pages.until(current, properties.maxAge())).toSeconds() >= 1;
    }

    /** Lets the edge keep the page for as long as it stays valid here, at most {@code edge-max-age}. */
    private void edgeMayKeep(Page page, HttpServletResponse response) {
        var seconds = Math.min(properties.edgeMaxAge().toSeconds(),
                Duration.between(clock.instant(), page.until()).toSeconds());
        if (seconds >= 1) {
            response.setHeader(EDGE_CACHE, "max-age=" + seconds);
        }
    }

    private void write(Page page, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(page.contentType());
        response.setHeader(HttpHeaders.CACHE_CONTROL, ShopperFrame.SHAREABLE);
        edgeMayKeep(page, response);
        if (page.contentLanguage() != null) {
            response.setHeader(HttpHeaders.CONTENT_LANGUAGE, page.contentLanguage());
        }
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
    }

    /** The query as sent; rebuilt from the parameters when a request carries them without one (forwards, tests). */
    private static @Nullable String query(HttpServletRequest request) {
        var query = request.getQueryString();
        if (query != null || request.getParameterMap().isEmpty()) {
            return query;
        }
        var rebuilt = new StringBuilder();
        request.getParameterMap().forEach((name, values) -> {
            for (var value : values) {
                rebuilt.append(name.length()).append(':').append(name).append('=').append(value.length()).append(':')
                        .append(value).append('&');
            }
        });
        return rebuilt.toString();
    }
}
