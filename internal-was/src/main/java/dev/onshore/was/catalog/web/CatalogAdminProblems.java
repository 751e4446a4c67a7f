package dev.onshore.was.catalog.web;

import dev.onshore.was.shared.StaleEditException;
import dev.onshore.was.adminapi.AdminProblems;
import dev.onshore.was.adminapi.InvalidInputException;
import dev.onshore.was.adminapi.InvalidInputProblems;
import dev.onshore.was.catalog.CategoryInUseException;
import dev.onshore.was.catalog.CategoryTooDeepException;
import dev.onshore.was.catalog.DuplicateCategoryException;
import dev.onshore.was.catalog.IllegalProductTransitionException;
import dev.onshore.was.catalog.InvalidCatalogInputException;
import dev.onshore.was.catalog.InvalidRegulatoryDataException;
import dev.onshore.was.catalog.SelfApprovalException;
import dev.onshore.was.catalog.StaleCategoryException;
import dev.onshore.was.catalog.UnknownBrandException;
import dev.onshore.was.catalog.UnknownCategoryException;
import dev.onshore.was.catalog.UnknownProductException;
import java.util.Locale;
import java.util.stream.Stream;
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

    private final AdminProblems problems;
    private final InvalidInputProblems invalidInput;

    CatalogAdminProblems(AdminProblems problems, InvalidInputProblems invalidInput) {
        this.problems = problems;
        this.invalidInput = invalidInput;
    }

    @ExceptionHandler(UnknownProductException.class)
    ProblemDetail unknownProduct(UnknownProductException e, Locale locale) {
        return problems.problem(HttpStatus.NOT_FOUND, "unknown-product", locale, e.sku());
    }

    @ExceptionHandler(InvalidRegulatoryDataException.class)
    ProblemDetail invalidRegulatory(InvalidRegulatoryDataException e, Locale locale) {
        var problem = problems.problem(HttpStatus.BAD_REQUEST, "invalid-regulatory-data", "invalid-regulatory",
                locale, e.market());
        problem.setProperty("errors", e.violations().stream()
                .map(violation -> problems.error(violation.field(), violation.code(), "regulatory.error", locale))
                .toList());
        return problem;
    }

    @ExceptionHandler(SelfApprovalException.class)
    ProblemDetail selfApproval(SelfApprovalException e, Locale locale) {
        return problems.problem(HttpStatus.FORBIDDEN, "self-approval", locale, e.sku(), e.operator());
    }

    @ExceptionHandler(IllegalProductTransitionException.class)
    ProblemDetail illegalTransition(IllegalProductTransitionException e, Locale locale) {
        return problems.problem(HttpStatus.CONFLICT, "illegal-product-transition", "illegal-transition", locale,
                e.from(), e.to());
    }

    /** An image, variants, a category or a brand refused field by field. */
    @ExceptionHandler(InvalidCatalogInputException.class)
    ProblemDetail invalidInput(InvalidCatalogInputException e, Locale locale) {
        return invalidInput(e.violations().stream().map(v -> new InvalidInputException.Problem(v.field(), v.code())),
                locale);
    }

    @ExceptionHandler(dev.onshore.was.catalog.InvalidProductException.class)
    ProblemDetail invalidProduct(dev.onshore.was.catalog.InvalidProductException e, Locale locale) {
        return invalidInput(e.violations().stream().map(v -> new InvalidInputException.Problem(v.field(), v.code())),
                locale);
    }

    /** 409 with both versions: the admin app reloads the product and shows what changed against what was typed. */
    @ExceptionHandler(dev.onshore.was.catalog.StaleProductException.class)
    ProblemDetail staleProduct(dev.onshore.was.catalog.StaleProductException e, Locale locale) {
        return stale("stale-product", e, locale, e.sku());
    }

    /** Two edits of the same version raced: the second one to commit loses, as if it had been stale. */
    @ExceptionHandler(org.springframework.orm.ObjectOptimisticLockingFailureException.class)
    ProblemDetail lostRace(org.springframework.orm.ObjectOptimisticLockingFailureException e, Locale locale) {
        var category = e.getPersistentClassName() != null && e.getPersistentClassName().endsWith(".Category");
        return problems.problem(HttpStatus.CONFLICT, category ? "stale-category" : "stale-product", locale, "");
    }

    @ExceptionHandler(UnknownCategoryException.class)
    ProblemDetail unknownCategory(UnknownCategoryException e, Locale locale) {
        return problems.problem(HttpStatus.NOT_FOUND, "unknown-category", locale, e.code());
    }

    /** 422: the request is well-formed, the tree has no room for it. */
    @ExceptionHandler(CategoryTooDeepException.class)
    ProblemDetail categoryTooDeep(CategoryTooDeepException e, Locale locale) {
        return problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "category-too-deep", locale, e.parent());
    }

    @ExceptionHandler(DuplicateCategoryException.class)
    ProblemDetail duplicateCategory(DuplicateCategoryException e, Locale locale) {
        return problems.problem(HttpStatus.CONFLICT, "duplicate-category", locale, e.code());
    }

    /** 409 with both versions: the admin app reloads the tree and says someone else changed it. */
    @ExceptionHandler(StaleCategoryException.class)
    ProblemDetail staleCategory(StaleCategoryException e, Locale locale) {
        return stale("stale-category", e, locale, e.code());
    }

    @ExceptionHandler(CategoryInUseException.class)
    ProblemDetail categoryInUse(CategoryInUseException e, Locale locale) {
        var problem = problems.problem(HttpStatus.CONFLICT, "category-in-use", locale, e.code(), e.products(),
                e.children());
        problem.setProperty("products", e.products());
        problem.setProperty("children", e.children());
        return problem;
    }

    @ExceptionHandler(UnknownBrandException.class)
    ProblemDetail unknownBrand(UnknownBrandException e, Locale locale) {
        return problems.problem(HttpStatus.NOT_FOUND, "unknown-brand", locale, e.name());
    }

    @ExceptionHandler(dev.onshore.was.catalog.StaleBrandException.class)
    ProblemDetail staleBrand(dev.onshore.was.catalog.StaleBrandException e, Locale locale) {
        var problem = problems.problem(HttpStatus.CONFLICT, "stale-brand", locale, e.current().name());
        problem.setProperty("editedVersion", e.edited());
        problem.setProperty("currentVersion", e.current().version());
        problem.setProperty("current", e.current());
        return problem;
    }

    @ExceptionHandler(dev.onshore.was.catalog.NotASpreadsheetException.class)
    ProblemDetail notASpreadsheet(dev.onshore.was.catalog.NotASpreadsheetException e, Locale locale) {
        return problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-a-spreadsheet", locale, e.fileName());
    }

    /** A 409 of {@code type} that names both versions. */
    private ProblemDetail stale(String type, StaleEditException e, Locale locale, String name) {
        var problem = problems.problem(HttpStatus.CONFLICT, type, locale, name);
        problem.setProperty("editedVersion", e.edited());
        problem.setProperty("currentVersion", e.current());
        return problem;
    }

    private ProblemDetail invalidInput(Stream<InvalidInputException.Problem> violations, Locale locale) {
        return invalidInput.problem(new InvalidInputException(violations.toList()), locale);
    }
}
