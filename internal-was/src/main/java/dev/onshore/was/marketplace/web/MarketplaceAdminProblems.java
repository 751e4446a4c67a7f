package dev.onshore.was.marketplace.web;

import dev.onshore.was.adminapi.AdminProblems;
import dev.onshore.was.catalog.NotASpreadsheetException;
import dev.onshore.was.marketplace.OrderImportRefusedException;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The marketplace import's refusals as problem details in the operator's language. */
@RestControllerAdvice(assignableTypes = MarketplaceAdminController.class)
class MarketplaceAdminProblems {

    private final AdminProblems problems;

    MarketplaceAdminProblems(AdminProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NotASpreadsheetException.class)
    ProblemDetail notASpreadsheet(NotASpreadsheetException e, Locale locale) {
        return problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-a-spreadsheet", locale, e.fileName());
    }

    /** 422 with {@code rows}: every refused row (row number, column, code); nothing was imported. */
    @ExceptionHandler(OrderImportRefusedException.class)
    ProblemDetail refused(OrderImportRefusedException e, Locale locale) {
        var problem = problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "order-import-refused", locale,
                e.fileName(), e.errors().size());
        problem.setProperty("rows", e.errors().stream().map(error -> Map.of("row", error.row(), "column",
                error.column(), "code", error.code())).toList());
        return problem;
    }
}
