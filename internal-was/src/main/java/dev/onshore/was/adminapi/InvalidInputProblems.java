package dev.onshore.was.adminapi;

import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** {@link InvalidInputException} from any controller: 400 with one entry per field. */
@RestControllerAdvice
public class InvalidInputProblems {

    private final AdminProblems problems;

    InvalidInputProblems(AdminProblems problems) {
        this.problems = problems;
    }

    /** {@code 400} typed {@code invalid-input}, with {@code errors: [{field, code, message}]} in the caller's language. */
    @ExceptionHandler(InvalidInputException.class)
    public ProblemDetail problem(InvalidInputException e, Locale locale) {
        var problem = problems.problem(HttpStatus.BAD_REQUEST, "invalid-input", locale);
        problem.setProperty("errors", e.problems().stream()
                .map(p -> problems.error(p.field(), p.code(), "input.error", locale)).toList());
        return problem;
    }
}
