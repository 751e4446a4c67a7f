package dev.onshore.edge;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.lang.reflect.Method;
import org.springframework.cloud.gateway.server.mvc.common.Shortcut;
import org.springframework.cloud.gateway.server.mvc.filter.FilterSupplier;
import org.springframework.cloud.gateway.server.mvc.predicate.PredicateSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The edge's own route filters and predicates, one small function per concern, composed in the route definitions
 * ({@code spring.cloud.gateway.server.webmvc.routes} in application.yml). Public only because the gateway finds
 * them by reflection.
 */
@Configuration(proxyBeanMethods = false)
public class EdgeRoutes {

    /** Request attribute: which header allow-list of {@link ForwardedHeaders} the route forwards with. */
    static final String HEADER_PROFILE = EdgeRoutes.class.getName() + ".headers";

    /** Request attribute: the route signs the hop ({@link ForwardedHeaders}). */
    static final String SIGN_HOP = EdgeRoutes.class.getName() + ".sign";

    @Bean
    FilterSupplier edgeFilters() {
        return () -> methods(Filters.class);
    }

    @Bean
    PredicateSupplier edgePredicates() {
        return () -> methods(Predicates.class);
    }

    private static Collection<Method> methods(Class<?> type) {
        return Arrays.asList(type.getMethods());
    }

    /** Route predicates. */
    public static final class Predicates {

        private Predicates() {
        }

        /**
         * Only a client's own request: never the container's error or forward dispatch of it, which would otherwise
         * be routed upstream as a request for {@code /error} carrying the client's unvetted headers.
         */
        @Shortcut
        public static RequestPredicate clientRequest() {
            return request -> request.servletRequest().getDispatcherType() == DispatcherType.REQUEST;
        }
    }

    /** Route filters. */
    public static final class Filters {

        private Filters() {
        }

        /**
         * Refuses (413) a body larger than {@code maxSize} before anything is forwarded, whatever its content type
         * and framing: a declared length is checked up front; a chunked body is read into memory up to the limit
         * (limits are small) and forwarded only when it ends within it.
         */
        @Shortcut
        public static HandlerFilterFunction<ServerResponse, ServerResponse> bodyLimit(String maxSize) {
            long limit = DataSize.parse(maxSize).toBytes();
            return HandlerFilterFunction.ofRequestProcessor(request -> limited(request, limit));
        }

        /** The route forwards the headers of allow-list {@code profile} (see {@link ForwardedHeaders}) and no other. */
        @Shortcut
        public static HandlerFilterFunction<ServerResponse, ServerResponse> forwardHeaders(String profile) {
            ForwardedHeaders.Profile.valueOf(profile.toUpperCase(java.util.Locale.ROOT));
            return HandlerFilterFunction.ofRequestProcessor(request -> {
                request.attributes().put(HEADER_PROFILE, profile.toUpperCase(java.util.Locale.ROOT));
                return request;
            });
        }

        /** The route signs the hop for the internal tier (see {@link ForwardedHeaders}). */
        @Shortcut
        public static HandlerFilterFunction<ServerResponse, ServerResponse> signHop() {
            return HandlerFilterFunction.ofRequestProcessor(request -> {
                request.attributes().put(SIGN_HOP, Boolean.TRUE);
                return request;
            });
        }

        /** Answers 404 itself: for paths of an upstream that must never be reachable from the internet. */
        @Shortcut
        public static HandlerFilterFunction<ServerResponse, ServerResponse> notFound() {
            return (request, next) -> {
                throw new EdgeRejection(HttpStatus.NOT_FOUND, "not-found", "closed path");
            };
        }
    }

    private static ServerRequest limited(ServerRequest request, long limit) {
        var servlet = request.servletRequest();
        long declared = servlet.getContentLengthLong();
        if (declared > limit) {
            throw new EdgeRejection(HttpStatus.CONTENT_TOO_LARGE, "content-too-large",
                    "declared body of " + declared + " bytes over " + limit);
        }
        if (declared >= 0 || !isChunked(servlet)) {
            return request; // the container reads no more than the declared length
        }
        byte[] body;
        try {
            body = servlet.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (body.length > limit) {
            throw new EdgeRejection(HttpStatus.CONTENT_TOO_LARGE, "content-too-large",
                    "chunked body over " + limit + " bytes");
        }
        return ServerRequest.create(new Buffered(servlet, body), request.messageConverters());
    }

    private static boolean isChunked(HttpServletRequest servlet) {
        var encoding = servlet.getHeader(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    /** A request whose body was already read (within the limit), replayed from memory. */
    private static final class Buffered extends HttpServletRequestWrapper {

        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }
    }
}
