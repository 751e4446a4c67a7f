package dev.onshore.was.storefront;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a refused request gets when no handler answered it: a storefront path gets the storefront's page in the
 * locale of its path (header, search, a way home) with the refusal's status; the APIs and the rest get an RFC 9457
 * problem. Two doors lead here: the servlet container's error dispatch (a CSRF refusal, a request the server could
 * not read) and the framework's own refusals on storefront paths (a method a page does not take), which would
 * otherwise be answered with a problem a browser shows as raw JSON. Replaces Spring Boot's Whitelabel page.
 */
@Controller
class ErrorPages implements ErrorController, HandlerExceptionResolver, Ordered {

    private final PageFrame pages;
    private final StorefrontLocales locales;
    private final MessageSource messages;
    private final JsonMapper json;

    ErrorPages(PageFrame pages, StorefrontLocales locales, MessageSource messages, JsonMapper json) {
        this.pages = pages;
        this.locales = locales;
        this.messages = messages;
        this.json = json;
    }

    @RequestMapping("${server.error.path:/error}")
    @Nullable ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var status = HttpStatus.resolve(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? code : 500);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        var path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : "/";
        if (!isPage(path)) {
            writeProblem(request, response, status, path);
            return null;
        }
        return page(request, path, status);
    }

    /** The framework's refusals of storefront requests (no handler, or a storefront handler) become pages. */
    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
            @Nullable Object handler, Exception exception) {
        if (!(exception instanceof ErrorResponse refusal) || !isPage(request.getRequestURI())
                || (handler instanceof HandlerMethod method
                        && !method.getBeanType().getPackageName().equals(ErrorPages.class.getPackageName()))
                || (handler != null && !(handler instanceof HandlerMethod))) {
            return null;
        }
        var status = HttpStatus.resolve(refusal.getStatusCode().value());
        if (status == null || !status.isError()) {
            return null;
        }
        refusal.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        return page(request, request.getRequestURI(), status);
    }

    /** Before the framework's problem details for every controller (Boot's error attributes still see it first). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    private ModelAndView page(HttpServletRequest request, String path, HttpStatus status) {
        var page = locales.fromPath(ShopperLogin.firstSegment(path))
                .orElseGet(() -> locales.forAcceptLanguage(request.getHeader("Accept-Language")));
        return switch (status) {
            case NOT_FOUND -> pages.notFound(page);
            case FORBIDDEN -> pages.refused(page, status, "403");
            case METHOD_NOT_ALLOWED -> pages.refused(page, status, "405");
            default -> status.is4xxClientError() ? pages.badRequest(page, "errorpage.400.body", status)
                    : pages.refused(page, status, "500");
        };
    }

    /** The APIs, probes and anything the storefront does not own answer in problem details, never a page. */
    private static boolean isPage(String path) {
        return !(path.startsWith("/api/") || path.startsWith("/actuator/") || path.equals("/api")
                || path.startsWith("/oauth2/") || path.startsWith("/login/"));
    }

    private void writeProblem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String path) throws IOException {
        Locale locale = request.getLocale();
        var kind = status.name().toLowerCase(Locale.ROOT).replace('_', '-');
        var problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("https://onshore.dev/problems/" + kind));
        problem.setTitle(messages.getMessage("problem.status." + status.value() + ".title", null,
                status.getReasonPhrase(), locale));
        problem.setInstance(URI.create(path.replaceAll("[^A-Za-z0-9/._~%-]", "")));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
