package dev.onshore.was.payments;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A webhook exactly as it arrived: headers and the raw body (signatures are computed over the raw bytes).
 *
 * @param headers the request headers, names case-insensitive
 * @param body    the raw body, never parsed before the signature is checked
 */
public record WebhookRequest(Map<String, List<String>> headers, byte[] body) {

    public WebhookRequest {
        Objects.requireNonNull(body, "body");
        var insensitive = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
        insensitive.putAll(Objects.requireNonNull(headers, "headers"));
        headers = java.util.Collections.unmodifiableMap(insensitive);
        body = body.clone();
    }

    /** The first value of a header, if present. */
    public Optional<String> header(String name) {
        var values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
