package dev.onshore.was.shopapi;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The store API's own refusals as RFC 9457 problem details with stable types, in the shopper's language (the request
 * locale is the shopper's: {@link ShopperLanguage}). Not limited to this package: any controller taking a
 * {@link ShopContext} may meet an {@link InvalidShopContextException}. The framework's own refusals (404 of an
 * unknown path, 405, 406, 415) are problem details too (spring.mvc.problemdetails), with types and texts from the
 * message bundles ({@code problemDetail.*}).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ShopApiProblems {

    private static final String TYPES = "https://onshore.dev/problems/";

    private final MessageSource messages;

    ShopApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidShopContextException.class)
    ProblemDetail invalidContext(InvalidShopContextException e, Locale locale) {
        var problem = problem(HttpStatus.BAD_REQUEST, "invalid-shop-context", locale,
                messages.getMessage("problem.invalid-shop-context." + e.parameter() + "." + e.code(),
                        new Object[] {String.join(", ", e.allowed())}, locale));
        problem.setProperty("errors", List.of(error(e.parameter(), e.code(), e.allowed(), locale)));
        return problem;
    }

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail invalidParameter(InvalidParameterException e, Locale locale) {
        var problem = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", locale,
                messages.getMessage("problem.invalid-parameter.detail", null, locale));
        problem.setProperty("errors", List.of(error(e.parameter(), e.code(), e.allowed(), locale)));
        return problem;
    }

    @ExceptionHandler(NotInCatalogueException.class)
    ProblemDetail notInCatalogue(NotInCatalogueException e, Locale locale) {
        return problem(HttpStatus.NOT_FOUND, "unknown-" + e.kind(), locale,
                messages.getMessage("problem.unknown-" + e.kind() + ".in-market", null, locale));
    }

    private ProblemDetail problem(HttpStatus status, String kind, Locale locale, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + kind));
        problem.setTitle(messages.getMessage("problem." + kind + ".title", null, locale));
        return problem;
    }

    private Map<String, Object> error(String parameter, String code, List<String> allowed, Locale locale) {
        return Map.of("parameter", parameter, "code", code, "allowed", allowed, "message",
                messages.getMessage("parameter.error." + code, new Object[] {parameter, String.join(", ", allowed)},
                        locale));
    }
}
