package dev.onshore.was.adminapi;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds every admin API refusal the same way: an RFC 9457 problem detail with a stable type
 * ({@value #TYPES}{@code <type>}) and a title and detail in the caller's language, read from the message source as
 * {@code problem.<key>.title} and {@code problem.<key>.detail}. The key is the type unless it was named apart
 * (older keys that predate their type's name). The areas' {@code @ExceptionHandler}s map their domain's exceptions
 * through it; the domain knows nothing of HTTP.
 */
@Component
public class AdminProblems {

    /** What every problem type starts with. */
    public static final String TYPES = "https://onshore.dev/problems/";

    private final MessageSource messages;

    AdminProblems(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * A problem typed {@code type}, its texts under {@code problem.<type>}.
     *
     * @param arguments for the detail's placeholders (the title has none)
     */
    public ProblemDetail problem(HttpStatus status, String type, Locale locale, @Nullable Object... arguments) {
        return problem(status, type, type, locale, arguments);
    }

    /** A problem typed {@code type} whose texts are under {@code problem.<key>}. */
    public ProblemDetail problem(HttpStatus status, String type, String key, Locale locale,
            @Nullable Object... arguments) {
        var problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage("problem." + key + ".detail", arguments, locale));
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(messages.getMessage("problem." + key + ".title", null, locale));
        return problem;
    }

    /**
     * One entry of a problem's {@code errors}: the field, the code and the message {@code <prefix>.<code>} in the
     * caller's language, given the field's name as its argument.
     */
    public Map<String, String> error(String field, String code, String prefix, Locale locale) {
        return Map.of("field", field, "code", code, "message",
                messages.getMessage(prefix + "." + code, new Object[] {field}, locale));
    }
}
