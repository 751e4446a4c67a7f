package dev.onshore.edge;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edge's own answers: RFC 9457 problem details with a stable type URI, title and detail from the message bundle
 * in the shopper's language (Accept-Language; English otherwise), never echoing the request. Every rejection is one
 * log line without a stack trace: a crowd of bad requests must not drown the log.
 */
@Component
class Problems {

    static final String TYPE_BASE = "https://onshore.dev/problems/";

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    /** The languages the bundle speaks; the storefront's. */
    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.KOREAN, Locale.of("id"),
            Locale.of("ms"), Locale.CHINESE, Locale.JAPANESE, Locale.of("th"));

    private final MessageSource messages;
    private final JsonMapper json;

    Problems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    ProblemDetail problem(HttpStatus status, String type, Locale locale) {
        var problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(messages.getMessage("problem." + type + ".title", null, status.getReasonPhrase(), locale));
        problem.setDetail(messages.getMessage("problem." + type + ".detail", null, status.getReasonPhrase(), locale));
        return problem;
    }

    /** Answers the request with a problem of {@code type}, logging why in one line. */
    void reject(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
            String reason) throws IOException {
        logRejection(request.getMethod(), request.getRequestURI(), request.getRemoteAddr(), status, type, reason);
        var locale = localeOf(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        write(response, problem(status, type, locale), locale);
    }

    static void logRejection(@Nullable String method, @Nullable String path, @Nullable String client,
            HttpStatus status, String type, String reason) {
        log.info("Rejected {} {} from {}: {} {} ({})", printable(method), printable(path), printable(client),
                status.value(), type, reason);
    }

    void write(HttpServletResponse response, ProblemDetail problem, Locale locale) throws IOException {
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        response.getOutputStream().write(body(problem));
    }

    byte[] body(ProblemDetail problem) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("type", String.valueOf(problem.getType()));
        fields.put("title", problem.getTitle());
        fields.put("status", problem.getStatus());
        fields.put("detail", problem.getDetail());
        return json.writeValueAsBytes(fields);
    }

    /** The bundle's language closest to the header; English for none, garbage or anything else. */
    static Locale localeOf(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 1024) {
            return Locale.ENGLISH;
        }
        try {
            var match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
            return match != null ? match : Locale.ENGLISH;
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }

    /** A request-controlled value fit for one log line: no line breaks, bounded. */
    static String printable(@Nullable String value) {
        if (value == null) {
            return "-";
        }
        var cut = value.length() > 200 ? value.substring(0, 200) + "..." : value;
        return cut.replaceAll("[\\p{Cntrl}]", "?");
    }
}
