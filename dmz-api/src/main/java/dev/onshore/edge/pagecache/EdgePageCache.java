package dev.onshore.edge.pagecache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.onshore.i18n.context.ShopperChoiceCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers an anonymous storefront page from this node's heap for the few seconds internal-was allows, instead of
 * forwarding it again.
 *
 * <p><b>What is kept:</b> a 200 answer to a GET that carried no credentials (no {@code Authorization}, no cookie but
 * the locale choice), that set no cookie, and whose upstream said so with {@value #TARGETED}{@code : max-age=N}
 * (internal-was sends it only on pages it shares between shoppers itself, and never for longer than the page stays
 * valid there). It is kept for N seconds, at most {@code onshore.edge.page-cache.max-age}. The field is removed from
 * every answer: browsers never see it.
 *
 * <p><b>For whom:</b> the key is the host, path and query and every shopper-context header the edge itself decided
 * ({@code X-Onshore-*}: country, locale, currency, time zone, suggestion) but the client's address, so a page is only
 * ever reused for a request that internal-was would have rendered from the same inputs.
 *
 * <p><b>Where:</b> after the edge's policy, shopper context, rate limits and waiting room (a hit is counted and
 * admitted like any other request), before the route. A hit is written with the headers the upstream answered, its
 * body gzipped once when the client accepts it (the connector compresses nothing twice).
 *
 * <p><b>Once per page:</b> requests that miss while another request is already fetching the same page wait for that
 * answer (at most {@code onshore.edge.page-cache.coalesce-wait}) instead of crossing to internal-was too, so a rush on
 * a page that just expired costs internal-was one render. If that answer is not one to keep, they forward themselves,
 * and for the edge's max-age later requests for that page forward at once without waiting behind one another.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
public class EdgePageCache extends OncePerRequestFilter {

    /** The targeted cache-control field (RFC 9213) internal-was sets on pages the edge may keep. */
    public static final String TARGETED = "Onshore-Edge-Cache-Control";

    private static final Pattern MAX_AGE = Pattern.compile("(?:^|,)\\s*max-age=([0-9]{1,6})\\s*(?:,|$)");

    /** The client's own address is the one context header that must not split the cache. */
    private static final String CLIENT_IP = "x-onshore-client-ip";

    /** Headers not replayed: the connector's framing, the edge's own per-request ones, cookies. */
    private static final Set<String> NOT_REPLAYED = Set.of("content-length", "transfer-encoding", "date",
            "connection", "keep-alive", "set-cookie", "content-encoding", "vary", TARGETED.toLowerCase(Locale.ROOT));

    private static final int GZIP_FROM = 1024;

    private record Key(String host, String path, @Nullable String query, Map<String, String> context) {
    }

    /** A kept answer: its headers in order, its body plain and gzipped, how long it may be served. */
    private record Page(List<Map.Entry<String, String>> headers, byte[] body, byte @Nullable [] gzipped,
            long lifetimeNanos) {
    }

    private final PageCacheProperties properties;
    private final Cache<Key, Page> pages;
    /** The pages being fetched now, each by the first request that missed it: later ones wait for its answer. */
    private final Map<Key, CompletableFuture<@Nullable Page>> fetching = new ConcurrentHashMap<>();
    /** Pages whose last answer was not one to keep: their requests forward without waiting behind one another. */
    private final Cache<Key, Boolean> passes;
    private final Counter hits;
    private final Counter misses;
    private final Counter coalesced;

    EdgePageCache(PageCacheProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.pages = Caffeine.newBuilder().maximumWeight(properties.maxSize().toBytes())
                .<Key, Page>weigher((key, page) -> page.body().length
                        + (page.gzipped() == null ? 0 : page.gzipped().length) + 256)
                .expireAfter(Expiry.<Key, Page>creating((key, page) -> java.time.Duration.ofNanos(page.lifetimeNanos())))
                .build();
        this.passes = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(properties.maxAge()).build();
        this.hits = Counter.builder("onshore.edge.page_cache").tag("result", "hit")
                .description("Storefront pages answered by the edge from its micro-cache").register(meters);
        this.misses = Counter.builder("onshore.edge.page_cache").tag("result", "miss")
                .description("Cacheable page requests forwarded to internal-was").register(meters);
        this.coalesced = Counter.builder("onshore.edge.page_cache").tag("result", "coalesced")
                .description("Page requests answered with the page another request was fetching").register(meters);
    }

    /** Whether the request is one a kept page may answer (and its answer one to keep). */
    private boolean cacheable(HttpServletRequest request) {
        return properties.enabled() && "GET".equals(request.getMethod())
                && request.getDispatcherType() == DispatcherType.REQUEST
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null && onlyTheChoiceCookie(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!cacheable(request)) {
            chain.doFilter(request, new WithoutTargeted(response)); // the field never reaches a browser
            return;
        }
        var key = key(request);
        var page = pages.getIfPresent(key);
        if (page != null) {
            hits.increment();
            write(page, request, response);
            return;
        }
        if (passes.getIfPresent(key) != null) {
            forward(key, request, response, chain, null);
            return;
        }
        var mine = new CompletableFuture<@Nullable Page>();
        var ahead = fetching.putIfAbsent(key, mine);
        if (ahead != null) {
            page = await(ahead);
            if (page != null) {
                coalesced.increment();
                write(page, request, response);
            } else {
                forward(key, request, response, chain, null);
            }
            return;
        }
        page = pages.getIfPresent(key); // kept by a request that finished between the look-up and the claim
        if (page != null) {
            fetching.remove(key, mine);
            mine.complete(page);
            hits.increment();
            write(page, request, response);
            return;
        }
        forward(key, request, response, chain, mine);
    }

    /**
     * Forwards the request, keeps its answer when it may, and hands what it kept (or nothing) to the requests waiting
     * on {@code waiting}, before this request's own client is written to.
     */
    private void forward(Key key, HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            @Nullable CompletableFuture<@Nullable Page> waiting) throws ServletException, IOException {
        misses.increment();
        var capturing = new Capturing(response);
        Page kept = null;
        try {
            chain.doFilter(request, capturing);
            var maxAge = capturing.maxAgeSeconds();
            if (capturing.keeping() && maxAge > 0 && capturing.getStatus() == HttpServletResponse.SC_OK
                    && !capturing.containsHeader(HttpHeaders.SET_COOKIE)
                    && capturing.getHeader(HttpHeaders.CONTENT_ENCODING) == null) {
                var lifetime = Math.min(TimeUnit.SECONDS.toNanos(maxAge), properties.maxAge().toNanos());
                var body = capturing.body();
                kept = new Page(headers(capturing), body, gzip(body, capturing.getContentType()), lifetime);
                pages.put(key, kept);
                passes.invalidate(key);
            } else {
                passes.put(key, Boolean.TRUE);
            }
        } finally {
            if (waiting != null) {
                fetching.remove(key, waiting);
                waiting.complete(kept);
            }
            capturing.finish();
        }
    }

    /** The page another request is fetching, or null when it is not one to keep or does not come in time. */
    private @Nullable Page await(CompletableFuture<@Nullable Page> fetched) throws IOException {
        try {
            return fetched.get(properties.coalesceWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted waiting for a page another request fetches");
        }
    }

    /** Drops every kept page (tests; an operator after a change that must show at once). */
    public void clear() {
        pages.invalidateAll();
        passes.invalidateAll();
    }

    private static Key key(HttpServletRequest request) {
        var context = new TreeMap<String, String>();
        for (var name : Collections.list(request.getHeaderNames())) {
            var lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-onshore-") && !lower.equals(CLIENT_IP)) {
                context.put(lower, String.join(",", Collections.list(request.getHeaders(name))));
            }
        }
        return new Key(String.valueOf(request.getHeader(HttpHeaders.HOST)), request.getRequestURI(),
                request.getQueryString(), context);
    }

    private static boolean onlyTheChoiceCookie(HttpServletRequest request) {
        var cookies = request.getCookies();
        if (cookies == null) {
            return request.getHeader(HttpHeaders.COOKIE) == null;
        }
        for (var cookie : cookies) {
            if (!ShopperChoiceCodec.COOKIE_NAME.equals(cookie.getName())) {
                return false;
            }
        }
        return true;
    }

    private static List<Map.Entry<String, String>> headers(HttpServletResponse response) {
        var headers = new ArrayList<Map.Entry<String, String>>();
        for (var name : response.getHeaderNames()) {
            if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
                for (var value : response.getHeaders(name)) {
                    headers.add(Map.entry(name, value));
                }
            }
        }
        return List.copyOf(headers);
    }

    private static void write(Page page, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        var set = new java.util.HashSet<String>();
        for (var header : page.headers()) {
            // The first value of a name replaces what the edge set before (its own security headers, as the
            // upstream's do on a forwarded answer); further values are added.
            if (set.add(header.getKey().toLowerCase(Locale.ROOT))) {
                response.setHeader(header.getKey(), header.getValue());
            } else {
                response.addHeader(header.getKey(), header.getValue());
            }
        }
        var body = page.body();
        if (page.gzipped() != null) {
            response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            if (acceptsGzip(request)) {
                response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
                body = page.gzipped();
            }
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        for (var value : Collections.list(request.getHeaders(HttpHeaders.ACCEPT_ENCODING))) {
            for (var coding : value.split(",")) {
                var parts = coding.strip().split(";");
                if (parts[0].strip().equalsIgnoreCase("gzip")
                        && (parts.length == 1 || !parts[1].strip().matches("q=0(\\.0{0,3})?"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte @Nullable [] gzip(byte[] body, @Nullable String contentType) {
        if (body.length < GZIP_FROM || contentType == null || !(contentType.startsWith("text/")
                || contentType.contains("json") || contentType.contains("xml"))) {
            return null;
        }
        var out = new ByteArrayOutputStream(body.length / 3);
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Takes the targeted field out of an answer that is not kept. */
    private static class WithoutTargeted extends jakarta.servlet.http.HttpServletResponseWrapper {

        /** The field's value, as the upstream set it (never passed on). */
        protected @Nullable String targeted;

        WithoutTargeted(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (TARGETED.equalsIgnoreCase(name)) {
                targeted = value;
            } else {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (TARGETED.equalsIgnoreCase(name)) {
                targeted = value;
            } else {
                super.addHeader(name, value);
            }
        }
    }

    /**
     * Takes the targeted field out of the answer, reading its max-age, and keeps the body only of an answer that
     * carries it (its headers come before its body): any other answer streams through untouched.
     */
    private static final class Capturing extends WithoutTargeted {

        private @Nullable ByteArrayOutputStream kept;
        private jakarta.servlet.@Nullable ServletOutputStream stream;
        private java.io.@Nullable PrintWriter writer;

        Capturing(HttpServletResponse response) {
            super(response);
        }

        long maxAgeSeconds() {
            if (targeted == null) {
                return 0;
            }
            var matcher = MAX_AGE.matcher(targeted.toLowerCase(Locale.ROOT));
            return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
        }

        /** Whether the body is being kept (the answer was marked before its body began). */
        boolean keeping() {
            return kept != null;
        }

        byte[] body() {
            return kept == null ? new byte[0] : kept.toByteArray();
        }

        @Override
        public jakarta.servlet.ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                if (maxAgeSeconds() <= 0) {
                    stream = super.getOutputStream();
                } else {
                    var buffer = new ByteArrayOutputStream(8192);
                    kept = buffer;
                    stream = new jakarta.servlet.ServletOutputStream() {
                        @Override
                        public void write(int b) {
                            buffer.write(b);
                        }

                        @Override
                        public void write(byte[] bytes, int offset, int length) {
                            buffer.write(bytes, offset, length);
                        }

                        @Override
                        public boolean isReady() {
                            return true;
                        }

                        @Override
                        public void setWriteListener(jakarta.servlet.WriteListener listener) {
                            throw new UnsupportedOperationException("a kept page is written blocking");
                        }
                    };
                }
            }
            return stream;
        }

        @Override
        public java.io.PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new java.io.PrintWriter(new java.io.OutputStreamWriter(getOutputStream(),
                        getCharacterEncoding()), false);
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (kept == null) {
                super.flushBuffer();
            } else if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public void setContentLength(int length) {
            if (kept == null) {
                super.setContentLength(length);
            }
        }

        @Override
        public void setContentLengthLong(long length) {
            if (kept == null) {
                super.setContentLengthLong(length);
            }
        }

        /** Writes a kept body to the client. */
        void finish() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            if (kept != null) {
                var bytes = kept.toByteArray();
                var response = (HttpServletResponse) getResponse();
                response.setContentLength(bytes.length);
                response.getOutputStream().write(bytes);
            }
        }
    }
}
