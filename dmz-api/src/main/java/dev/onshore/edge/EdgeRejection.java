package dev.onshore.edge;

import org.springframework.http.HttpStatus;

/**
 * A request the edge refuses to forward, raised by a route's filter function and answered by
 * {@link UpstreamFailures} as a problem of {@link #type()}. Carries no request data.
 */
final class EdgeRejection extends RuntimeException {

    private final HttpStatus status;
    private final String type;

    EdgeRejection(HttpStatus status, String type, String reason) {
        super(reason, null, false, false);
        this.status = status;
        this.type = type;
    }

    HttpStatus status() {
        return status;
    }

    String type() {
        return type;
    }
}
