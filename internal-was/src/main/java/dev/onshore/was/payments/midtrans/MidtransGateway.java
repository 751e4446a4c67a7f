package dev.onshore.was.payments.midtrans;

import dev.onshore.i18n.money.Money;
import dev.onshore.was.payments.InvalidWebhookException;
import dev.onshore.was.payments.PaymentGateway;
import dev.onshore.was.payments.PaymentNotification;
import dev.onshore.was.payments.PaymentProviderException;
import dev.onshore.was.payments.PaymentRequest;
import dev.onshore.was.payments.PaymentSession;
import dev.onshore.was.payments.RefundRequest;
import dev.onshore.was.payments.RefundResult;
import dev.onshore.was.payments.WebhookRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Currency;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Midtrans (the Indonesian shop's payment provider) through its published HTTP APIs; the official SDK is not a
 * dependency. What this follows, and where it was checked:
 * <ul>
 * <li>Authentication: HTTP Basic with the server key as user name and an empty password, {@code Accept} and
 * {@code Content-Type: application/json} on every call (midtrans-java {@code APIHttpClient#getHeadersConfig},
 * {@code Utility#encodeBase64}; docs "API Authorization and Headers").</li>
 * <li>Payment page: Snap {@code POST {snap-base}/snap/v1/transactions} with {@code transaction_details.order_id},
 * {@code gross_amount} (an integer: rupiah have no minor unit there), {@code customer_details},
 * {@code callbacks.finish} and {@code expiry {start_time "yyyy-MM-dd HH:mm:ss +0700", unit, duration}}; 201 with
 * {@code token} and {@code redirect_url}; errors as {@code error_messages} (midtrans-java {@code SnapApi},
 * {@code Midtrans#SNAP_SANDBOX_BASE_URL}; docs "Snap Integration Guide", "Snap Advanced Features: Custom Expiry").
 * Opening again with the same order id while no payment method was chosen makes a new token and invalidates the
 * old one, so a retry never leaves two payable pages; once a payment for the order id is pending or done, Snap
 * refuses it ({@code "transaction_details.order_id sudah digunakan"}, or 406 "order_id has been paid and
 * utilized") and this adapter throws {@link MidtransOrderIdTakenException}.</li>
 * <li>Refund: Core API {@code POST {api-base}/v2/{transaction_id}/refund} with {@code refund_key}, {@code amount},
 * {@code reason}; success is {@code status_code "200"} (midtrans-java {@code TransactionApi#refundTransaction},
 * {@code TransactionApiTest}; docs "Refund Transaction": a retry uses the same {@code refund_key}). Any other
 * refusal is checked against Get Status's {@code refunds} list, so a retry whose first attempt went through but
 * whose answer was lost reports that refund instead of a failure.</li>
 * <li>Notifications: {@code signature_key} = SHA-512 hex of {@code order_id + status_code + gross_amount +
 * server_key}; statuses and fraud statuses as in the docs' "Transaction Status Cycle" and the SDK sample
 * {@code CoreApiController#handleNotification}, which, as Midtrans recommends, asks Get Status
 * ({@code GET {api-base}/v2/{order_id}/status}, midtrans-java {@code TransactionApi#checkTransaction}) what the
 * transaction's state is instead of trusting the notification.</li>
 * </ul>
 * Errors: the Core API may answer HTTP 200 with an error {@code status_code} in the body, so, as the SDK does, the
 * body's code wins when present. 401 (wrong key or wrong environment) and other 4xx are not retryable; 408, 429, 5xx,
 * timeouts and unreachable hosts are.
 */
final class MidtransGateway implements PaymentGateway, AutoCloseable {

    /** Midtrans's order id: at most 50 characters, letters, digits and {@code - _ ~ .}. */
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9._~-]{1,50}");

    /** Midtrans's refund key: letters, digits, dash and underscore. */
    private static final Pattern REFUND_KEY = Pattern.compile("[A-Za-z0-9_-]{1,50}");

    /** Snap's words for an order id already in use (Indonesian or English, by account language). */
    private static final Pattern ORDER_ID_TAKEN = Pattern.compile(
            "order_id.*(sudah digunakan|already been taken|already used|been paid and utili[sz]ed)",
            Pattern.CASE_INSENSITIVE);

    private static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss Z");

    private static final Currency IDR = Currency.getInstance("IDR");

    private final MidtransProperties properties;
    private final String authorization;
    private final NotificationSignature signature;
    private final HttpClient http;
    private final RestClient rest;
    private final JsonMapper json;
    private final Clock clock;

    MidtransGateway(MidtransProperties properties, Clock clock) {
        this.properties = properties;
        var serverKey = properties.requiredServerKey();
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((serverKey + ":").getBytes(StandardCharsets.UTF_8));
        this.signature = new NotificationSignature(serverKey);
        // HTTP/1.1 as Midtrans's own SDK speaks it: no h2c upgrade attempts through egress proxies.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        var requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.readTimeout());
        this.rest = RestClient.builder().requestFactory(requests).build();
        this.json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.clock = clock;
    }

    @Override
    public String provider() {
        return MidtransTransaction.PROVIDER;
    }

    @Override
    public PaymentSession open(PaymentRequest request) {
        var orderId = orderId(request.orderReference());
        var grossAmount = rupiah(request.amount());
        var start = clock.instant().atZone(MidtransTransaction.MIDTRANS_TIME_ZONE);
        var minutes = properties.paymentExpiry().toMinutes();
        var body = new LinkedHashMap<String, Object>();
        body.put("transaction_details", Map.of("order_id", orderId, "gross_amount", grossAmount));
        // Only what the payment page shows and the receipt needs: no phone, no address (data minimisation).
        body.put("customer_details", Map.of("first_name", limit(request.customerName(), 255),
                "email", request.customerEmail()));
        body.put("callbacks", Map.of("finish", request.returnUrl().toString()));
        body.put("expiry", Map.of("start_time", START_TIME.format(start), "unit", "minutes", "duration", minutes));

        var answer = call(HttpMethod.POST, endpoint(properties.snapBaseUrl(), "snap", "v1", "transactions"), body);
        var code = answer.code();
        if (code >= 200 && code < 300) {
            var token = answer.json().path("token").asString("");
            var redirectUrl = answer.json().path("redirect_url").asString("");
            if (token.isBlank() || redirectUrl.isBlank()) {
                // Opening again with the same order id is safe (the new token replaces this one).
                throw new PaymentProviderException("Midtrans answered " + code + " without token or redirect_url", true);
            }
            return new PaymentSession(provider(), token, URI.create(redirectUrl),
                    start.toInstant().plus(properties.paymentExpiry()));
        }
        if ((code == 400 || code == 406 || code == 409) && ORDER_ID_TAKEN.matcher(answer.message()).find()) {
            throw new MidtransOrderIdTakenException(orderId, answer.message());
        }
        throw failure("open a payment page for order " + orderId, answer);
    }

    @Override
    public RefundResult refund(RefundRequest request) {
        var refundKey = refundKey(request.idempotencyKey());
        var body = new LinkedHashMap<String, Object>();
        body.put("refund_key", refundKey);
        body.put("amount", rupiah(request.amount()));
        body.put("reason", limit(request.reason(), 255));
        var answer = call(HttpMethod.POST, endpoint(properties.apiBaseUrl(), "v2", request.providerReference(),
                "refund"), body);
        var code = answer.code();
        if (code == 200) {
            return new RefundResult(refundId(answer.json(), refundKey), true);
        }
        if (code == 201) {
            // Accepted, not yet done: the refund notification confirms it.
            return new RefundResult(refundId(answer.json(), refundKey), false);
        }
        if (code == 401 || retryable(code)) {
            throw failure("refund " + request.providerReference(), answer);
        }
        // Refused: maybe because this key already went through (a retry whose first answer was lost).
        var status = call(HttpMethod.GET, endpoint(properties.apiBaseUrl(), "v2", request.providerReference(),
                "status"), null);
        for (var refund : status.json().path("refunds")) {
            if (refundKey.equals(refund.path("refund_key").asString(""))) {
                return new RefundResult(refundId(refund, refundKey), true);
            }
        }
        throw failure("refund " + request.providerReference(), answer);
    }

    /**
     * Checks the signature, then (unless {@code confirm-with-get-status} is off) asks Midtrans's Get Status API
     * for the transaction of the signed order id and reports what that says. The signature covers only the order id,
     * status code and amount: a captured "cancel" notification (status code 200) whose {@code transaction_status}
     * were rewritten to "settlement" would still verify. Get Status costs one call per notification and makes a
     * notification only a hint; if Midtrans cannot be reached, this throws a retryable
     * {@link PaymentProviderException}, the webhook endpoint answers 5xx and Midtrans sends it again later.
     *
     * @throws InvalidWebhookException      for a body that is not a Midtrans notification, a wrong signature, or an
     *                                      order Midtrans does not know
     * @throws PaymentProviderException     when Get Status cannot be asked (retryable unless the key is refused)
     */
    @Override
    public PaymentNotification verify(WebhookRequest request) {
        JsonNode body;
        try {
            body = json.readTree(request.body());
        } catch (JacksonException e) {
            throw new InvalidWebhookException("Midtrans notification is not JSON");
        }
        MidtransTransaction notification;
        try {
            notification = MidtransTransaction.read(body);
        } catch (IllegalArgumentException e) {
            throw new InvalidWebhookException("Midtrans notification unreadable: " + e.getMessage());
        }
        if (!signature.matches(notification)) {
            throw new InvalidWebhookException("Midtrans notification signature does not match (order "
                    + limit(notification.orderId(), 60) + ")");
        }
        if (!properties.confirmWithGetStatus()) {
            return notification.toNotification();
        }
        var answer = call(HttpMethod.GET, endpoint(properties.apiBaseUrl(), "v2", notification.orderId(), "status"),
                null);
        if (answer.describesTransaction()) {
            MidtransTransaction current;
            try {
                current = MidtransTransaction.read(answer.json());
            } catch (IllegalArgumentException e) {
                throw new PaymentProviderException("Midtrans Get Status answer unreadable: " + e.getMessage(), true);
            }
            if (!current.orderId().equals(notification.orderId())) {
                throw new InvalidWebhookException("Midtrans Get Status describes another order than the notification");
            }
            return current.toNotification();
        }
        if (answer.code() == 404) {
            throw new InvalidWebhookException("Midtrans has no transaction for order " + notification.orderId());
        }
        throw failure("confirm the notification for order " + notification.orderId(), answer);
    }

    @Override
    public void close() {
        http.close();
    }

    // --- HTTP -----------------------------------------------------------------------------------------------

    private Answer call(HttpMethod method, URI uri, @Nullable Map<String, Object> body) {
        try {
            var request = rest.method(method).uri(uri).header(HttpHeaders.AUTHORIZATION, authorization)
                    .accept(MediaType.APPLICATION_JSON);
            if (body != null) {
                request = request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body));
            }
            return request.exchange((sent, received) -> Answer.of(received.getStatusCode().value(),
                    new String(received.getBody().readAllBytes(), StandardCharsets.UTF_8), json));
        } catch (ResourceAccessException e) {
            throw new PaymentProviderException("Midtrans cannot be reached (" + method + " " + uri.getPath() + "): "
                    + e.getMessage(), true, e);
        }
    }

    private static URI endpoint(URI base, String... segments) {
        return UriComponentsBuilder.fromUri(base).pathSegment(segments).encode().build().toUri();
    }

    private static PaymentProviderException failure(String what, Answer answer) {
        var code = answer.code();
        var hint = code == 401 ? " (wrong server key, or a sandbox key on production URLs or the reverse)" : "";
        return new PaymentProviderException("Midtrans refused to " + what + ": " + code + " " + answer.message() + hint,
                retryable(code));
    }

    private static boolean retryable(int code) {
        return code == 408 || code == 429 || code >= 500;
    }

    // --- values ---------------------------------------------------------------------------------------------

    private static String orderId(String orderReference) {
        if (!ORDER_ID.matcher(orderReference).matches()) {
            throw new PaymentProviderException("Midtrans takes order ids of up to 50 letters, digits, - _ ~ . only: "
                    + limit(orderReference, 60), false);
        }
        return orderReference;
    }

    /** Midtrans charges whole rupiah. */
    private static long rupiah(Money amount) {
        if (!amount.currency().equals(IDR)) {
            throw new PaymentProviderException("Midtrans charges IDR only, not " + amount.currency(), false);
        }
        try {
            return amount.amount().longValueExact();
        } catch (ArithmeticException e) {
            throw new PaymentProviderException("Midtrans charges whole rupiah only: " + amount, false);
        }
    }

    /**
     * The same Midtrans refund key for every retry of one refund. Onshore's key is used as it is when Midtrans
     * accepts its characters and length; otherwise a digest of it stands in (still one key per refund).
     */
    static String refundKey(String idempotencyKey) {
        if (REFUND_KEY.matcher(idempotencyKey).matches()) {
            return idempotencyKey;
        }
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "onshore-" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String refundId(JsonNode refund, String refundKey) {
        var id = refund.path("refund_chargeback_id").asString("");
        return id.isBlank() ? refundKey : id;
    }

    private static String limit(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    /** An HTTP answer from Midtrans: the status, the body, and the code that counts. */
    private record Answer(int httpStatus, String body, JsonNode json) {

        /** The body parsed once; a body that is not JSON reads as a missing node. */
        static Answer of(int httpStatus, String body, JsonMapper mapper) {
            @Nullable JsonNode json;
            try {
                json = mapper.readTree(body);
            } catch (JacksonException e) {
                json = null;
            }
            return new Answer(httpStatus, body, json == null ? MissingNode.getInstance() : json);
        }

        /** The body's {@code status_code} when it has one (the Core API answers errors with HTTP 200 too). */
        int code() {
            var statusCode = json.path("status_code").asString("");
            if (statusCode.matches("\\d{3}")) {
                return Integer.parseInt(statusCode);
            }
            return httpStatus;
        }

        /**
         * A Get Status answer for a transaction: then {@code status_code} is the transaction's (201 pending, 407
         * expired), not an error.
         */
        boolean describesTransaction() {
            var node = json;
            return httpStatus == 200 && node.hasNonNull("transaction_status") && node.hasNonNull("order_id");
        }

        /** Midtrans's own words: {@code error_messages} (Snap) or {@code status_message} (Core API). */
        String message() {
            var node = json;
            var errors = node.path("error_messages");
            String message;
            if (errors.isArray() && !errors.isEmpty()) {
                message = StreamSupport.stream(errors.spliterator(), false).map(e -> e.asString(""))
                        .collect(Collectors.joining("; "));
            } else {
                message = node.path("status_message").asString("");
            }
            if (message.isBlank()) {
                message = body.isBlank() ? "(empty answer)" : body;
            }
            return limit(message.replaceAll("\\s+", " ").strip(), 300);
        }

        @Override
        public String toString() {
            return "Answer[" + httpStatus + "]";
        }
    }

    @Override
    public String toString() {
        return "MidtransGateway[" + properties.snapBaseUrl() + ", " + properties.apiBaseUrl() + "]";
    }
}
