package dev.onshore.was.marketplace.web;

import dev.onshore.was.adminapi.AdminProblems;
import dev.onshore.was.catalog.NotASpreadsheetException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The marketplace import's refusals as problem details in the operator's language (refused rows are the import job's
 * report, not a refusal of the upload).
 */
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
}
