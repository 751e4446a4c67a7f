package dev.onshore.admin.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/** The orders' admin API ({@code /api/admin/orders}); refusals arrive as RestClientResponseException with a problem. */
@Component
class OrdersApi {

    record Amount(BigDecimal amount, String currency) {
    }

    record Shipment(String carrier, String trackingNumber) {
    }

    record Summary(String number, String market, String status, @Nullable String returnStatus, String payment,
            Amount total, Instant placedAt, String shipTo, int units, @Nullable Shipment shipment) {

        /** The recipient: the address's first line. */
        public String recipient() {
            return shipTo.lines().findFirst().orElse("");
        }
    }

    record Page(List<Summary> orders, int page, int size, long total) {
    }

    record Line(String sku, String name, Amount unitPrice, int quantity) {
    }

    record Step(String status, Instant at, @Nullable String by) {
    }

    record Order(String number, String market, String status, @Nullable String returnStatus,
            @Nullable String memberSubject, List<Line> lines, Amount subtotal, Amount shipping, Amount tax,
            Amount total, Amount refunded, String shippingMethod, String shipTo, @Nullable String paymentProvider,
            @Nullable String paymentReference, Instant placedAt, List<Step> history, @Nullable Shipment shipment) {
    }

    private final RestClient http;

    OrdersApi(RestClient http) {
        this.http = http;
    }

    Page search(Map<String, String> criteria) {
        var query = new LinkedMultiValueMap<String, String>();
        criteria.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                query.add(name, value);
            }
        });
        var uri = UriComponentsBuilder.fromPath("/api/admin/orders").queryParams(query).encode().build().toUriString();
        return http.get().uri(uri).header(HttpHeaders.ACCEPT_LANGUAGE, language()).retrieve().body(Page.class);
    }

    Order order(String number) {
        return http.get().uri("/api/admin/orders/{number}", number).header(HttpHeaders.ACCEPT_LANGUAGE, language())
                .retrieve().body(Order.class);
    }

    /** One of the moves: {@code preparation}, {@code shipment}, {@code delivery}, {@code cancellation}, … */
    Order move(String number, String move, @Nullable Map<String, ?> body) {
        var request = http.post().uri("/api/admin/orders/{number}/" + move, number)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language());
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().body(Order.class);
    }

    /** The operator's language, so that the WAS's refusals read in it. */
    static String language() {
        return LocaleContextHolder.getLocale().toLanguageTag();
    }
}
