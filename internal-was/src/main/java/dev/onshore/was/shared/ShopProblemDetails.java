package dev.onshore.was.shared;

import dev.onshore.i18n.address.AddressError;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Words the shop API's refusals alike for every area's {@code @RestControllerAdvice}: an RFC 9457 problem detail
 * typed {@value #TYPES}{@code <kind>} (each dot of the kind a slash), its title and detail in the shopper's language
 * from {@code problem.<kind>.title} and {@code problem.<kind>.detail}. The areas map their own exceptions to kinds.
 */
public final class ShopProblemDetails {

    /** What every problem type starts with. */
    public static final String TYPES = "https://onshore.dev/problems/";

    private final MessageSource messages;

    public ShopProblemDetails(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * A problem of {@code kind}.
     *
     * @param arguments for the detail's placeholders (the title has none)
     */
    public ProblemDetail problem(HttpStatus status, String kind, Locale locale, @Nullable Object... arguments) {
        var problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage("problem." + kind + ".detail", arguments, locale));
        problem.setType(URI.create(TYPES + kind.replace('.', '/')));
        problem.setTitle(messages.getMessage("problem." + kind + ".title", null, locale));
        return problem;
    }

    /** Unreadable JSON (syntax, a wrong type, a number out of range): the invalid request of the field {@code body}. */
    public ProblemDetail unreadableBody(Locale locale) {
        var problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", locale, "body");
        problem.setProperty("field", "body");
        return problem;
    }

    /**
     * Adds what is wrong with an address, if anything, as the problem's {@code errors}: per error the field, the code
     * and the message in the shopper's language.
     */
    public void addAddressErrors(ProblemDetail problem, List<AddressError> errors, Locale locale) {
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream().map(error -> Map.of("field", error.field().name(), "code",
                    error.code(), "message", messages.getMessage(error.messageKey(), null, error.code(), locale)))
                    .toList());
        }
    }
}
