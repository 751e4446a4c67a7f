package dev.onshore.admin.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.RestClientResponseException;

/**
 * The internal WAS's refusal as a content screen shows it: its localized detail (the WAS answers in the operator's
 * language), and per field its localized message when the problem names fields ({@code errors: [{field, message}]}).
 */
record Refusal(int status, String type, String detail, Map<String, String> fields) {

    static Refusal of(RestClientResponseException refused) {
        ProblemDetail problem = null;
        try {
            problem = refused.getResponseBodyAs(ProblemDetail.class);
        } catch (RuntimeException unreadable) {
            // not a problem detail (a proxy's page): the status is all there is
        }
        var fields = new LinkedHashMap<String, String>();
        if (problem != null && problem.getProperties() != null
                && problem.getProperties().get("errors") instanceof List<?> errors) {
            for (var error : errors) {
                if (error instanceof Map<?, ?> entry && entry.get("field") != null) {
                    fields.putIfAbsent(String.valueOf(entry.get("field")), String.valueOf(entry.get("message")));
                }
            }
        }
        return new Refusal(refused.getStatusCode().value(),
                problem == null || problem.getType() == null ? "" : problem.getType().toString(),
                detail(problem, refused), fields);
    }

    private static String detail(@Nullable ProblemDetail problem, RestClientResponseException refused) {
        if (problem != null && problem.getDetail() != null) {
            return problem.getDetail();
        }
        return refused.getStatusCode().value() + " " + refused.getStatusText();
    }
}
