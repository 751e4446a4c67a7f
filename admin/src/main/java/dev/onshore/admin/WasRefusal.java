package dev.onshore.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.RestClientResponseException;

/**
 * The internal WAS's refusal as a screen shows it: its localized detail, and per field its localized message (the WAS
 * speaks the operator's language: the admin's RestClient passes Accept-Language on). Every screen's one reading of
 * the WAS's problem details ({@code errors: [{field, message}]}).
 *
 * @param fields field name as the WAS named it ({@code listPrice}, {@code bpomNumber}) to message
 */
public record WasRefusal(int status, String type, String detail, Map<String, String> fields) {

    public static WasRefusal of(RestClientResponseException refused) {
        ProblemDetail problem = null;
        try {
            problem = refused.getResponseBodyAs(ProblemDetail.class);
        } catch (RuntimeException unreadable) {
            // not a problem detail (a proxy's page): the status text is all there is
        }
        var fields = new LinkedHashMap<String, String>();
        if (problem != null && problem.getProperties() != null
                && problem.getProperties().get("errors") instanceof List<?> errors) {
            for (var error : errors) {
                if (error instanceof Map<?, ?> entry && entry.get("field") != null) {
                    var field = String.valueOf(entry.get("field"));
                    fields.putIfAbsent(field, FieldLabels.relabel(field, String.valueOf(entry.get("message"))));
                }
            }
        }
        return new WasRefusal(refused.getStatusCode().value(),
                problem == null || problem.getType() == null ? "" : problem.getType().toString(), detail(problem, refused),
                fields);
    }

    private static String detail(@Nullable ProblemDetail problem, RestClientResponseException refused) {
        if (problem != null && problem.getDetail() != null) {
            return problem.getDetail();
        }
        return refused.getStatusCode().value() + " " + refused.getStatusText();
    }

    /** The status a screen answers a refused form with: the WAS's own, or 502 when the WAS itself failed. */
    public int screenStatus() {
        return status >= 500 ? 502 : status;
    }

    /** The product changed since the operator's form was shown (optimistic locking in the WAS). */
    public boolean stale() {
        return type.endsWith("/stale-product");
    }
}
