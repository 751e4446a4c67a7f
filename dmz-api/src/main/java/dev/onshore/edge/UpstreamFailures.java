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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * An internal node that cannot be reached or does not answer in time is the gateway's problem to report, not a
 * server error: 502 (refused, or the connection dropped before an answer) or 504 (timed out) with problem details,
 * which the L4 tier may retry on another node (it replays a POST only when it carries an Idempotency-Key). The
 * exceptions are Apache HttpClient 5's, the upstream client's (see {@link UpstreamClientConfiguration}).
 */
@Component
class UpstreamFailures implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(UpstreamFailures.class);

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
            @Nullable Object handler, Exception exception) {
        int status = 0;
        for (Throwable cause = exception; cause != null && status == 0; cause = cause.getCause()) {
            if (cause instanceof ConnectTimeoutException || cause instanceof SocketException
                    || cause instanceof NoHttpResponseException || cause instanceof ConnectionClosedException) {
                status = 502;
            } else if (cause instanceof SocketTimeoutException) {
                status = 504;
            }
        }
        if (status == 0 || response.isCommitted()) {
            return null;
        }
        log.warn("Upstream unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), exception.toString());
        try {
            if (status == 502) {
                Problems.write(response, 502, "upstream-unavailable", "Service unavailable",
                        "The shop is briefly unavailable. Please try again in a moment.");
            } else {
                Problems.write(response, 504, "upstream-timeout", "Service timed out",
                        "The shop took too long to answer. Please try again in a moment.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
