package dev.onshore.admin;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import static org.springframework.security.oauth2.client.web.client.RequestAttributeClientRegistrationIdResolver.clientRegistrationId;

/** The internal WAS's admin API, called with the admin's service token and the acting operator's name. */
@Component
class InternalWas {

    /**
     * A product as the admin API lists it.
     *
     * @param submittedBy who submitted it for approval, null when nobody did (since its last rejection)
     * @param approvedBy who approved it, null until approved
     */
    record Product(String sku, String brand, String name, String status, BigDecimal price, String currency,
            @Nullable String submittedBy, @Nullable String approvedBy) {

        /** What {@code operator} may do with the product now; the internal WAS enforces it, this only offers it. */
        public List<String> actionsFor(String operator) {
            return switch (status) {
                case "DRAFT" -> List.of("submit");
                case "PENDING_APPROVAL" -> operator.equals(submittedBy) ? List.of("reject") : List.of("approve", "reject");
                case "APPROVED", "SUSPENDED" -> List.of("publish");
                case "PUBLISHED" -> List.of("suspend");
                default -> List.of();
            };
        }

        /** Four eyes: the submitter waits for someone else to approve. */
        public boolean awaitsAnotherReviewer(String operator) {
            return "PENDING_APPROVAL".equals(status) && operator.equals(submittedBy);
        }
    }

    /** Today's figures for the start page, as the WAS's dashboard API answers. */
    record Dashboard(List<Sales> sales, int lowStockThreshold, List<LowStock> lowStock, List<HotDeal> hotDeals,
            List<FailedRun> batchJobs) {
    }

    /** A failed run of a batch job (the WAS's {@code job_runs}). */
    record FailedRun(String job, String node, java.time.Instant startedAt, java.time.Duration duration,
            @Nullable String error) {
    }

    /** Orders and revenue of one market in one currency. */
    record Sales(String market, String currency, long orders, long paidOrders, BigDecimal revenue,
            String baseCurrency, BigDecimal revenueInBase) {
    }

    /** A SKU running low. */
    record LowStock(String sku, int available) {
    }

    /** A hot deal not over yet. */
    record HotDeal(String sku, int units, int unitsLeft, BigDecimal price, String currency, java.time.Instant startsAt,
            java.time.Instant endsAt, int admissionsPerMinute, String status) {

        /** Running now: the waiting room admits buyers. */
        public boolean isLive(java.time.Instant now) {
            return "SCHEDULED".equals(status) && !now.isBefore(startsAt) && now.isBefore(endsAt);
        }
    }

    Dashboard dashboard(java.time.Instant from, java.time.Instant to) {
        return http.get().uri("/api/admin/dashboard?from={from}&to={to}", from, to).retrieve().body(Dashboard.class);
    }

    /** Who acts: the internal WAS records it and enforces four eyes with it; it trusts it from this app only. */
    static final String OPERATOR = "X-Onshore-Operator";

    private final RestClient http;

    InternalWas(RestClient internalWasRestClient) {
        this.http = internalWasRestClient;
    }

    List<Product> products(String operator) {
        var products = http.get().uri("/api/admin/products")
                .attributes(clientRegistrationId(SecurityConfiguration.SERVICE))
                .header(OPERATOR, operator)
                .retrieve()
                .body(Product[].class);
        return products == null ? List.of() : List.of(products);
    }

    void submit(String sku, String operator) {
        call(HttpMethod.PUT, "/api/admin/products/{sku}/submission", sku, operator, null);
    }

    void approve(String sku, String operator) {
        call(HttpMethod.PUT, "/api/admin/products/{sku}/approval", sku, operator, null);
    }

    void reject(String sku, String operator, String reason) {
        call(HttpMethod.POST, "/api/admin/products/{sku}/rejection", sku, operator, Map.of("reason", reason));
    }

    void publish(String sku, String operator) {
        call(HttpMethod.PUT, "/api/admin/products/{sku}/publication", sku, operator, null);
    }

    void suspend(String sku, String operator) {
        call(HttpMethod.DELETE, "/api/admin/products/{sku}/publication", sku, operator, null);
    }

    /** Throws {@link org.springframework.web.client.RestClientResponseException} with the WAS's problem detail. */
    private void call(HttpMethod method, String path, String sku, String operator, @Nullable Object body) {
        var request = http.method(method).uri(path, sku)
                .attributes(clientRegistrationId(SecurityConfiguration.SERVICE))
                .header(OPERATOR, operator);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        request.retrieve().toBodilessEntity();
    }
}
