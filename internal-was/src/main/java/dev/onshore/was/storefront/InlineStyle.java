package dev.onshore.was.storefront;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The storefront's style sheet, inlined in the head of every page (the layout's {@code inlineStyle}, from PageFrame): a
 * linked sheet holds the first paint back by a round trip (Lighthouse's render-blocking resource on every page), and
 * at about 11 KB the whole sheet is the critical CSS.
 *
 * <p>The edge's Content-Security-Policy allows no inline style, so storefront pages send their own policy: the
 * edge's, plus the SHA-256 of exactly this style (dmz-api lets an upstream's security header replace its own). The
 * header is set before anything else runs, so that pages served from the page cache carry it too.
 */
@Component("inlineStyle")
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
final class InlineStyle extends OncePerRequestFilter {

    /**
     * The policy dmz-api's EdgePolicy sends with every other response, from the one file both read: the build copies
     * dmz-api's {@code content-security-policy.txt} into this application's classpath (see the pom).
     */
    static final String EDGE_POLICY_FILE = "dev/onshore/edge/content-security-policy.txt";

    private final String css;
    private final String policy;

    InlineStyle() {
        this(load("static/css/storefront.css"), load(EDGE_POLICY_FILE).strip());
    }

    InlineStyle(String css, String edgePolicy) {
        this.css = css;
        this.policy = edgePolicy + "; style-src 'self' '" + hash(css) + "'";
    }

    /** The style sheet, verbatim (its hash is in the policy); never null. */
    public String css() {
        return css;
    }

    /** The Content-Security-Policy of a storefront page: the edge's, and this style. */
    String policy() {
        return policy;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI();
        return path.startsWith("/api/") || path.startsWith("/actuator/") || path.startsWith("/css/")
                || path.startsWith("/js/") || path.startsWith("/img/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", policy);
        chain.doFilter(request, response);
    }

    static String hash(String css) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(css.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String load(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(path + " is missing from the classpath", e);
        }
    }
}
