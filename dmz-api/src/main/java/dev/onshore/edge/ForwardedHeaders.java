package dev.onshore.edge;

import dev.onshore.i18n.context.HopSignature;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * The headers an upstream receives, decided last (after the gateway's own header filters): only those on the
 * route's allow-list ({@link EdgeRoutes.Filters#forwardHeaders}) (hop-by-hop headers and those the client named in
 * {@code Connection} are already hidden by {@link EdgePolicy}), plus what the edge vouches for: {@code X-Forwarded-For}
 * (the client address from the trusted proxy chain, one address), {@code X-Forwarded-Proto}, and on routes that sign
 * the hop, {@link HopSignature#HEADER}. A route without an allow-list forwards the smallest one.
 * <p>
 * Being an allow-list, this one pass makes the gateway's own hop-by-hop request filter redundant, so it is switched
 * off ({@code remove-hop-by-hop-request-headers-filter} in application.yml): {@code Transfer-Encoding}, the one
 * hop-by-hop header {@link EdgePolicy} leaves visible (the body limit reads it), is on no allow-list; the upstream
 * client frames the body it sends itself.
 */
@Component
class ForwardedHeaders implements RequestHttpHeadersFilter, Ordered {

    /** Allow-lists, lower case. The edge's own {@code X-Onshore-*} values are set by {@link ShopperContextHeaders}. */
    enum Profile {
        /**
         * internal-was: pages, the shop API (bearer tokens, guest cart tokens, idempotency keys, the explicit
         * {@code X-Shop-*} choice, CSRF tokens) and the shopper context.
         */
        STOREFRONT("accept", "accept-encoding", "accept-language", "authorization", "cache-control", "cart-token",
                "content-length", "content-type", "cookie", "idempotency-key", "if-match", "if-modified-since", "if-none-match",
                "if-unmodified-since", "order-token", "origin", "referer", "sec-fetch-dest", "sec-fetch-mode", "sec-fetch-site",
                "sec-fetch-user", "user-agent", "x-csrf-token", "x-xsrf-token",
                "x-requested-with", "x-onshore-client-ip", "x-onshore-context-source", "x-onshore-country",
                "x-onshore-currency", "x-onshore-locale", "x-onshore-timezone", "x-onshore-suggested-country",
                "x-onshore-suggested-locale", "x-shop-currency", "x-shop-locale", "x-shop-market"),
        /** Keycloak's shoppers realm: its login pages, token and logout endpoints, account console. */
        IDENTITY("accept", "accept-encoding", "accept-language", "authorization", "cache-control", "content-length",
                "content-type", "cookie", "dpop", "if-modified-since", "if-none-match", "origin", "referer",
                "sec-fetch-dest", "sec-fetch-mode", "sec-fetch-site", "sec-fetch-user", "user-agent"),
        /** What any route forwards when it names no allow-list. */
        MINIMAL("accept", "accept-language", "content-length", "content-type", "user-agent");

        private final Set<String> names;

        Profile(String... names) {
            this.names = Set.of(names);
        }
    }

    private final TrustedProxies proxies;
    private final HopKey hopKey;
    private final Clock clock;

    ForwardedHeaders(TrustedProxies proxies, HopKey hopKey, Clock clock) {
        this.proxies = proxies;
        this.hopKey = hopKey;
        this.clock = clock;
    }

    @Override
    public HttpHeaders apply(HttpHeaders input, ServerRequest request) {
        var profile = request.attribute(EdgeRoutes.HEADER_PROFILE).map(p -> Profile.valueOf((String) p))
                .orElse(Profile.MINIMAL);
        var output = new HttpHeaders();
        input.forEach((name, values) -> {
            var lower = name.toLowerCase(Locale.ROOT);
            if (profile.names.contains(lower)) {
                output.put(name, values);
            }
        });
        var servlet = request.servletRequest();
        var client = servlet.getHeader(EdgePolicy.CLIENT_IP);
        output.set("X-Forwarded-For", client != null ? client : servlet.getRemoteAddr());
        output.set("X-Forwarded-Proto", proxies.protocol(servlet));
        if (request.attribute(EdgeRoutes.SIGN_HOP).isPresent() && hopKey.isSet()) {
            output.set(HopSignature.HEADER, HopSignature.sign(hopKey.value(), servlet.getMethod(),
                    request.uri().getRawPath(), name -> output.getFirst(name), clock.instant()));
        }
        return output;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
