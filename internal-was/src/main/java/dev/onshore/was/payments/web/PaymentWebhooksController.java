package dev.onshore.was.payments.web;

import dev.onshore.was.payments.WebhookRequest;
import dev.onshore.was.payments.internal.PaymentWebhooks;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/payments/webhooks/{provider}}: the raw body goes to the provider's gateway for its signature
 * check before anything reads it. 200 for a notification acted on or recognized as a replay (providers stop
 * retrying); 401 for a bad signature; 422 for an amount, currency or order that does not match.
 */
@RestController
class PaymentWebhooksController {

    static final int MAX_BODY = 64 * 1024;

    private final PaymentWebhooks webhooks;

    PaymentWebhooksController(PaymentWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping("/api/payments/webhooks/{provider}")
    ResponseEntity<Map<String, String>> receive(@PathVariable String provider, HttpServletRequest request)
            throws IOException {
        var body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new dev.onshore.was.payments.InvalidWebhookException("a body over " + MAX_BODY + " bytes");
        }
        var headers = new LinkedHashMap<String, List<String>>();
        for (var name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        var outcome = webhooks.handle(provider, new WebhookRequest(headers, body));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(Map.of("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)));
    }
}
