package dev.onshore.was.rates.web;

import dev.onshore.i18n.rates.RateImportException;
import dev.onshore.was.adminapi.AdminProblems;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A rate file that cannot be imported as a problem detail: 400 typed {@code rate-import}, nothing recorded. */
@RestControllerAdvice(basePackageClasses = RateImportProblems.class)
class RateImportProblems {

    private final AdminProblems problems;

    RateImportProblems(AdminProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(RateImportException.class)
    ProblemDetail rejectedImport(RateImportException e, Locale locale) {
        var problem = problems.problem(HttpStatus.BAD_REQUEST, "rate-import", locale);
        // The parser's findings name lines and currencies: they are the operator's to read, not translated.
        problem.setProperty("errors", e.problems().stream().limit(50)
                .map(finding -> Map.of("field", "file", "code", "import", "message", finding)).toList());
        return problem;
    }
}
