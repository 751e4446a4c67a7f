package dev.onshore.was.rates.web;

import dev.onshore.i18n.rates.RateImportException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A rate file that cannot be imported as a problem detail: 400 typed {@code rate-import}, nothing recorded. */
@RestControllerAdvice(basePackageClasses = RateImportProblems.class)
class RateImportProblems {

    private final MessageSource messages;

    RateImportProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(RateImportException.class)
    ProblemDetail rejectedImport(RateImportException e, Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("problem.rate-import.detail", null, locale));
        problem.setType(URI.create("https://onshore.dev/problems/rate-import"));
        problem.setTitle(messages.getMessage("problem.rate-import.title", null, locale));
        // The parser's findings name lines and currencies: they are the operator's to read, not translated.
        problem.setProperty("errors", e.problems().stream().limit(50)
                .map(finding -> Map.of("field", "file", "code", "import", "message", finding)).toList());
        return problem;
    }
}
