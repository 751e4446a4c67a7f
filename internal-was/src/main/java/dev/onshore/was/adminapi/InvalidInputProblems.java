package dev.onshore.was.adminapi;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** {@link InvalidInputException} from any controller: 400 with one entry per field. */
@RestControllerAdvice
public class InvalidInputProblems {

    private final MessageSource messages;

    InvalidInputProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** {@code 400} typed {@code invalid-input}, with {@code errors: [{field, code, message}]} in the caller's language. */
    @ExceptionHandler(InvalidInputException.class)
    public ProblemDetail problem(InvalidInputException e, Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("problem.invalid-input.detail", null, locale));
        problem.setType(URI.create("https://onshore.dev/problems/invalid-input"));
        problem.setTitle(messages.getMessage("problem.invalid-input.title", null, locale));
        problem.setProperty("errors", e.problems().stream().map(p -> Map.of("field", p.field(), "code", p.code(),
                "message", messages.getMessage("input.error." + p.code(), new Object[] {p.field()}, locale)))
                .toList());
        return problem;
    }
}
