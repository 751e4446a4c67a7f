package dev.onshore.admin.orders;

import dev.onshore.admin.BackgroundImport;
import dev.onshore.admin.OperatorLanguage;
import dev.onshore.admin.SearchCriteria;
import dev.onshore.admin.WasFile;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The orders' admin API ({@code /api/admin/orders}); refusals arrive as RestClientResponseException with a problem. */
@Component
class OrdersApi {

    record Amount(BigDecimal amount, String currency) {
    }

    record Shipment(String carrier, String trackingNumber) {
    }

    record Summary(String number, String market, String status, @Nullable String returnStatus, String payment,
            Amount total, Instant placedAt, String shipTo, int units, @Nullable Shipment shipment,
            @Nullable String channel) {

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
            @Nullable String paymentReference, Instant placedAt, List<Step> history, @Nullable Shipment shipment,
            @Nullable String channel, @Nullable Exchange exchange, @Nullable Grounds returnGrounds) {
    }

    /**
     * An exchange claim: status REQUESTED, APPROVED, RECEIVED or SHIPPED; the replacement's own shipment; why the
     * shopper asked (null when an operator recorded it without a reason).
     */
    record Exchange(String status, String sku, String replacementSku, int quantity, @Nullable Shipment shipment,
            @Nullable Grounds grounds) {
    }

    /** Why a return or an exchange was asked for: a reason code (DAMAGED, DEFECTIVE, …) and the shopper's note. */
    record Grounds(String reason, @Nullable String note) {
    }

    /**
     * A marketplace import running in the background on the WAS: rows checked and saved of the file's rows, then its
     * result ({@code imported}, {@code alreadyImported}: order numbers) or every refused row.
     */
    record ImportJob(String id, String fileName, String state, int totalRows, int processedRows, int savedRows,
            List<RowError> errors, Map<String, Object> result, String createdBy, Instant createdAt,
            @Nullable Instant finishedAt) implements BackgroundImport {

        /** The new orders' numbers, once it succeeded. */
        public List<String> imported() {
            return numbers("imported");
        }

        /** The channel's order numbers skipped as imported before, once it succeeded. */
        public List<String> alreadyImported() {
            return numbers("alreadyImported");
        }

        private List<String> numbers(String key) {
            return result.get(key) instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        }
    }

    /** A channel's product code and our SKU for it. */
    record ProductCode(String channel, String externalCode, String sku, Instant updatedAt, String updatedBy) {
    }

    /** A refused row of an import: row number as the spreadsheet numbers it, column and a stable code. */
    record RowError(int row, String column, String code) {
    }

    private final RestClient http;

    OrdersApi(RestClient http) {
        this.http = http;
    }

    Page search(Map<String, String> criteria) {
        return http.get().uri(SearchCriteria.uri("/api/admin/orders", criteria))
                .header(HttpHeaders.ACCEPT_LANGUAGE, language()).retrieve().body(Page.class);
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

    /** Starts importing a marketplace's export in the background; a file that is no spreadsheet answers 415. */
    ImportJob startImport(String channel, String fileName, byte[] bytes) {
        return java.util.Objects.requireNonNull(http.post().uri(uri -> uri.path("/api/admin/order-imports")
                .queryParam("channel", channel).queryParam("fileName", fileName).build())
                .header(HttpHeaders.ACCEPT_LANGUAGE, language()).contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(bytes).retrieve().body(ImportJob.class));
    }

    ImportJob importStatus(String id) {
        return java.util.Objects.requireNonNull(http.get().uri("/api/admin/order-imports/{id}", id)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language()).retrieve().body(ImportJob.class));
    }

    WasFile template(String format) {
        return WasFile.of(http.get().uri(uri -> uri.path("/api/admin/order-import-template")
                .queryParam("format", format).build()).retrieve().toEntity(byte[].class));
    }

    List<ProductCode> productCodes() {
        var codes = http.get().uri("/api/admin/marketplace-codes").header(HttpHeaders.ACCEPT_LANGUAGE, language())
                .retrieve().body(ProductCode[].class);
        return codes == null ? List.of() : List.of(codes);
    }

    void mapProductCode(String channel, String code, String sku) {
        http.put().uri("/api/admin/marketplace-codes/{channel}/{code}", channel, code)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("sku", sku)).retrieve().toBodilessEntity();
    }

    void unmapProductCode(String channel, String code) {
        http.delete().uri("/api/admin/marketplace-codes/{channel}/{code}", channel, code)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language()).retrieve().toBodilessEntity();
    }

    private static String language() {
        return OperatorLanguage.tag();
    }
}
