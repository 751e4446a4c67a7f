package dev.onshore.edge.ratelimit;

import dev.onshore.i18n.messages.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The edge's own refusals, in the shopper's language (the locale the edge resolved, {@code X-Onshore-Locale}): an
 * RFC 9457 problem body for API clients, a small page for browsers. Texts come from the {@code edge} ICU bundles,
 * never from the request.
 */
@Component
public class Refusals {

    static final String LOCALE_HEADER = "X-Onshore-Locale";
    private static final String PROBLEM_BASE = "https://onshore.dev/problems/";

    private final Messages messages = Messages.load("edge", List.of("en", "ko", "id", "ms", "zh_Hans", "ja", "th"));

    /** The edge's messages (en, ko, id, ms, zh-Hans, ja, th). */
    public Messages messages() {
        return messages;
    }

    /** The locale the edge resolved for this request; English when none. */
    public static Locale locale(HttpServletRequest request) {
        var tag = request.getHeader(LOCALE_HEADER);
        return tag == null || tag.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(tag);
    }

    /** Whether the client is a browser asking for a page rather than an API client. */
    public static boolean wantsPage(HttpServletRequest request) {
        var accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html") && "GET".equals(request.getMethod());
    }

    /**
     * Writes the refusal.
     *
     * @param type the problem type's last segment, stable ({@code rate-limited}, ...)
     * @param key the message key prefix: {@code <key>.title} and {@code <key>.detail} exist in every bundle
     * @param retryAfter null when the client should not simply retry
     */
    public void refuse(HttpServletRequest request, HttpServletResponse response, int status, String type, String key,
            Map<String, ?> arguments, @Nullable Duration retryAfter) throws IOException {
        var locale = locale(request);
        var title = messages.format(key + ".title", locale, arguments);
        var detail = messages.format(key + ".detail", locale, arguments);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Language", locale.toLanguageTag());
        if (retryAfter != null) {
            response.setHeader("Retry-After", Long.toString(seconds(retryAfter)));
        }
        response.setCharacterEncoding("UTF-8");
        String body;
        if (wantsPage(request)) {
            response.setContentType("text/html;charset=UTF-8");
            body = "<!doctype html><html lang=\"" + HtmlUtils.htmlEscape(locale.toLanguageTag()) + "\"><head>"
                    + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                    + "<title>" + HtmlUtils.htmlEscape(title) + "</title></head><body><main><h1>"
                    + HtmlUtils.htmlEscape(title) + "</h1><p>" + HtmlUtils.htmlEscape(detail) + "</p></main></body></html>";
        } else {
            response.setContentType("application/problem+json");
            body = "{\"type\":" + json(PROBLEM_BASE + type) + ",\"title\":" + json(title) + ",\"status\":" + status
                    + ",\"detail\":" + json(detail) + "}";
        }
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Whole seconds, rounded up, at least one: what Retry-After says. */
    public static long seconds(Duration duration) {
        var millis = Math.max(1, duration.toMillis());
        return (millis + 999) / 1000;
    }

    /** A JSON string literal. */
    public static String json(String text) {
        var out = new StringBuilder(text.length() + 2).append('"');
        for (var c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
