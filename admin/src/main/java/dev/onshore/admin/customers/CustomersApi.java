package dev.onshore.admin.customers;

import dev.onshore.admin.OperatorLanguage;
import dev.onshore.admin.SearchCriteria;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The customers' admin API ({@code /api/admin/customers}); refusals arrive as RestClientResponseException. */
@Component
class CustomersApi {

    record Amount(BigDecimal amount, String currency) {
    }

    /** A customer in a list; {@code email} masked. */
    record Summary(String subject, @Nullable String email, @Nullable String market, @Nullable Instant createdAt,
            @Nullable Instant lastLoginAt, @Nullable Instant lastActiveAt, boolean dormant, boolean blocked) {
    }

    /** {@code guests}: the buyers without an account the search found (empty from a WAS that sends none). */
    record Page(List<Summary> customers, int page, int size, long total, @Nullable List<GuestBuyer> guests) {

        Page {
            guests = guests == null ? List.of() : List.copyOf(guests);
        }
    }

    /** A guest buyer: the guest orders placed with one (masked) address. */
    /**
     * @param order the guest order the WAS acts on the guest by (the newest shown)
     * @param blocked whether the guest's address is blacklisted
     */
    record GuestBuyer(String email, @Nullable String market, List<CustomerOrder> orders, @Nullable String order,
            boolean blocked, @Nullable String blockReason) {
    }

    record CustomerOrder(String number, String status, Amount total, Instant placedAt) {
    }

    /** A customer's page; name and phone masked. */
    record Detail(Summary summary, @Nullable String name, @Nullable String phone, @Nullable String locale,
            @Nullable String blockReason, @Nullable String blockChangedBy, @Nullable Instant blockChangedAt,
            long version, List<CustomerOrder> orders) {
    }

    record Revealed(String subject, @Nullable String email, @Nullable String name, @Nullable String phone) {
    }

    private final RestClient http;

    CustomersApi(RestClient http) {
        this.http = http;
    }

    Page search(Map<String, String> criteria) {
        return http.get().uri(SearchCriteria.uri("/api/admin/customers", criteria))
                .header(HttpHeaders.ACCEPT_LANGUAGE, language()).retrieve().body(Page.class);
    }

    Detail detail(String subject) {
        return http.get().uri("/api/admin/customers/{subject}", subject)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language()).retrieve().body(Detail.class);
    }

    Revealed reveal(String subject) {
        return http.post().uri("/api/admin/customers/{subject}/reveal", subject)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language()).retrieve().body(Revealed.class);
    }

    Detail blacklist(String subject, boolean blocked, String reason, @Nullable Long version) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("blocked", blocked);
        body.put("reason", reason);
        body.put("version", version);
        return http.put().uri("/api/admin/customers/{subject}/blacklist", subject)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language()).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(Detail.class);
    }

    /** Puts the guest buyer of a guest order on the blacklist or off it (by their address, in the WAS). */
    GuestBuyer blacklistGuest(String order, boolean blocked, String reason) {
        return http.put().uri("/api/admin/customers/guests/{order}/blacklist", order)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language()).contentType(MediaType.APPLICATION_JSON)
                .body(java.util.Map.of("blocked", blocked, "reason", reason)).retrieve().body(GuestBuyer.class);
    }

    private static String language() {
        return OperatorLanguage.tag();
    }
}
