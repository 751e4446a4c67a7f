package dev.onshore.was.catalog.web;

import dev.onshore.was.adminapi.InvalidInputException;
import dev.onshore.was.adminapi.InvalidInputProblems;
import dev.onshore.was.catalog.IllegalProductTransitionException;
import dev.onshore.was.catalog.InvalidImageException;
import dev.onshore.was.catalog.InvalidRegulatoryDataException;
import dev.onshore.was.catalog.InvalidVariantsException;
import dev.onshore.was.catalog.SelfApprovalException;
import dev.onshore.was.catalog.UnknownProductException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The catalog's domain exceptions as RFC 9457 problem details with a stable type and localized texts, for the
 * catalog's controllers only. The domain knows nothing of HTTP; this is where it is mapped.
 */
@RestControllerAdvice(basePackageClasses = CatalogAdminProblems.class)
class CatalogAdminProblems {

    private final MessageSource messages;
    private final InvalidInputProblems invalidInput;

    CatalogAdminProblems(MessageSource messages, InvalidInputProblems invalidInput) {
        this.messages = messages;
        this.invalidInput = invalidInput;
    }

    @ExceptionHandler(UnknownProductException.class)
    ProblemDetail unknownProduct(UnknownProductException e, Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("problem.unknown-product.detail", new Object[] {e.sku()}, locale));
        problem.setType(URI.create("https://onshore.dev/problems/unknown-product"));
        problem.setTitle(messages.getMessage("problem.unknown-product.title", null, locale));
        return problem;
    }

    @ExceptionHandler(InvalidRegulatoryDataException.class)
    ProblemDetail invalidRegulatory(InvalidRegulatoryDataException e, Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("problem.invalid-regulatory.detail", new Object[] {e.market()}, locale));
        problem.setType(URI.create("https://onshore.dev/problems/invalid-regulatory-data"));
        problem.setTitle(messages.getMessage("problem.invalid-regulatory.title", null, locale));
        problem.setProperty("errors", e.violations().stream().map(violation -> Map.of("field", violation.field(),
                "code", violation.code(), "message", messages.getMessage("regulatory.error." + violation.code(),
                        new Object[] {violation.field()}, locale))).toList());
        return problem;
    }

    @ExceptionHandler(SelfApprovalException.class)
    ProblemDetail selfApproval(SelfApprovalException e, Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                messages.getMessage("problem.self-approval.detail", new Object[] {e.sku(), e.operator()}, locale));
        problem.setType(URI.create("https://onshore.dev/problems/self-approval"));
        problem.setTitle(messages.getMessage("problem.self-approval.title", null, locale));
        return problem;
    }

    @ExceptionHandler(IllegalProductTransitionException.class)
    ProblemDetail illegalTransition(IllegalProductTransitionException e, Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage("problem.illegal-transition.detail", new Object[] {e.from(), e.to()}, locale));
        problem.setType(URI.create("https://onshore.dev/problems/illegal-product-transition"));
        problem.setTitle(messages.getMessage("problem.illegal-transition.title", null, locale));
        return problem;
    }

    @ExceptionHandler(InvalidImageException.class)
    ProblemDetail invalidImage(InvalidImageException e, Locale locale) {
        return invalidInput.problem(new InvalidInputException(e.violations().stream()
                .map(v -> new InvalidInputException.Problem(v.field(), v.code())).toList()), locale);
    }

    @ExceptionHandler(InvalidVariantsException.class)
    ProblemDetail invalidVariants(InvalidVariantsException e, Locale locale) {
        return invalidInput.problem(new InvalidInputException(e.violations().stream()
                .map(v -> new InvalidInputException.Problem(v.field(), v.code())).toList()), locale);
    }

    @ExceptionHandler(dev.onshore.was.catalog.InvalidProductException.class)
    ProblemDetail invalidProduct(dev.onshore.was.catalog.InvalidProductException e, Locale locale) {
        return invalidInput.problem(new InvalidInputException(e.violations().stream()
                .map(v -> new InvalidInputException.Problem(v.field(), v.code())).toList()), locale);
    }

    /** 409 with both versions: the admin app reloads the product and shows what changed against what was typed. */
    @ExceptionHandler(dev.onshore.was.catalog.StaleProductException.class)
    ProblemDetail staleProduct(dev.onshore.was.catalog.StaleProductException e, Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage("problem.stale-product.detail", new Object[] {e.sku()}, locale));
        problem.setType(URI.create("https://onshore.dev/problems/stale-product"));
        problem.setTitle(messages.getMessage("problem.stale-product.title", null, locale));
        problem.setProperty("editedVersion", e.edited());
        problem.setProperty("currentVersion", e.current());
        return problem;
    }

    /** Two edits of the same version raced: the second one to commit loses, as if it had been stale. */
    @ExceptionHandler(org.springframework.orm.ObjectOptimisticLockingFailureException.class)
    ProblemDetail lostRace(org.springframework.orm.ObjectOptimisticLockingFailureException e, Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage("problem.stale-product.detail", new Object[] {""}, locale));
        problem.setType(URI.create("https://onshore.dev/problems/stale-product"));
        problem.setTitle(messages.getMessage("problem.stale-product.title", null, locale));
        return problem;
    }

    @ExceptionHandler(dev.onshore.was.catalog.NotASpreadsheetException.class)
    ProblemDetail notASpreadsheet(dev.onshore.was.catalog.NotASpreadsheetException e, Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                messages.getMessage("problem.not-a-spreadsheet.detail", new Object[] {e.fileName()}, locale));
        problem.setType(URI.create("https://onshore.dev/problems/not-a-spreadsheet"));
        problem.setTitle(messages.getMessage("problem.not-a-spreadsheet.title", null, locale));
        return problem;
    }
}
