package dev.onshore.edge;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors raised below the routes, answered by the edge itself and never forwarded: the container's error dispatch
 * (a status set by Tomcat or Spring MVC once a request entered the application) lands here instead of the
 * catch-all route (see {@link EdgeRoutes.Predicates#clientRequest}), and what Tomcat refuses before any application
 * sees it (an unparseable request line or URI, oversized headers) is reported by {@link ProblemReportValve}. Both as
 * problem details, one log line each.
 */
@Controller
class EdgeErrors implements ErrorController, WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final Problems problems;

    EdgeErrors(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var status = HttpStatus.resolve(statusOf(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE)));
        var resolved = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        var path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Problems.logRejection(request.getMethod(), path instanceof String p ? p : null, request.getRemoteAddr(),
                resolved, type(status), "error dispatch");
        var locale = Problems.localeOf(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        problems.write(response, problems.problem(resolved, type(status), locale), locale);
    }

    private static int statusOf(Object attribute) {
        return attribute instanceof Integer code ? code : 500;
    }

    static String type(HttpStatus status) {
        if (status == null) {
            return "server-error";
        }
        return switch (status) {
            case BAD_REQUEST -> "bad-request";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case NOT_IMPLEMENTED -> "not-implemented";
            case CONTENT_TOO_LARGE -> "content-too-large";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "headers-too-large";
            case BAD_GATEWAY, SERVICE_UNAVAILABLE -> "upstream-unavailable";
            case GATEWAY_TIMEOUT -> "upstream-timeout";
            default -> status.is4xxClientError() ? "bad-request" : "server-error";
        };
    }

    /** After Boot's own customizer, so that this valve is the innermost and reports before Boot's HTML one. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> context.getParent().getPipeline()
                .addValve(new ProblemReportValve(problems)));
    }

    /** Tomcat's report of a request it refused itself, as problem details instead of its HTML page. */
    static final class ProblemReportValve extends ErrorReportValve {

        private final Problems problems;

        ProblemReportValve(Problems problems) {
            this.problems = problems;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            var status = HttpStatus.resolve(response.getStatus());
            if (status == null || status.value() < 400 || response.getContentWritten() > 0
                    || !response.setErrorReported()) {
                return;
            }
            try {
                var locale = Problems.localeOf(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
                Problems.logRejection(request.getMethod(), request.getRequestURI(), request.getRemoteAddr(), status,
                        type(status), "refused by the container");
                problems.write(response, problems.problem(status, type(status), locale), locale);
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the response cannot be written: nothing more to tell anyone.
            }
        }
    }
}
