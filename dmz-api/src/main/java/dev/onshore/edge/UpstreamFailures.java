package dev.onshore.edge;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * What goes wrong while routing, answered by the edge itself as problem details:
 * <ul>
 * <li>a request a route's filter refused ({@link EdgeRejection}: too large, a closed path);</li>
 * <li>an internal node that cannot be reached or does not answer in time: 502 (refused, or the connection dropped
 * before an answer) or 504 (timed out), which the L4 tier may retry on another node (it replays a POST only when it
 * carries an Idempotency-Key). The exceptions are Apache HttpClient 5's, the upstream client's (see
 * {@link UpstreamClientConfiguration}).</li>
 * </ul>
 */
@Component
class UpstreamFailures implements HandlerExceptionResolver, Ordered {

    private final Problems problems;

    UpstreamFailures(Problems problems) {
        this.problems = problems;
    }

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
            @Nullable Object handler, Exception exception) {
        if (response.isCommitted()) {
            return null;
        }
        try {
            if (exception instanceof EdgeRejection rejection) {
                problems.reject(request, response, rejection.status(), rejection.type(), rejection.getMessage());
                return new ModelAndView();
            }
            HttpStatus status = null;
            for (Throwable cause = exception; cause != null && status == null; cause = cause.getCause()) {
                if (cause instanceof ConnectTimeoutException || cause instanceof SocketException
                        || cause instanceof NoHttpResponseException || cause instanceof ConnectionClosedException) {
                    status = HttpStatus.BAD_GATEWAY;
                } else if (cause instanceof SocketTimeoutException) {
                    status = HttpStatus.GATEWAY_TIMEOUT;
                }
            }
            if (status == null) {
                return null;
            }
            problems.reject(request, response, status,
                    status == HttpStatus.BAD_GATEWAY ? "upstream-unavailable" : "upstream-timeout", exception.toString());
            return new ModelAndView();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
