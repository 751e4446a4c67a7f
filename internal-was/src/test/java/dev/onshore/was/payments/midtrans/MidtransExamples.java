package dev.onshore.was.payments.midtrans;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Midtrans messages shaped like the examples in Midtrans's documentation ("HTTP Notification": the BCA virtual
 * account and card samples; "Get Status"), with Onshore's order numbers and a test server key.
 */
final class MidtransExamples {

    static final String SERVER_KEY = "SB-Mid-server-OnshoreTestKey123";
    static final String ORDER = "ON-ID-2026-000042";
    static final String TRANSACTION_ID = "9aed5972-5b6a-401e-894b-a32c91ed1a3a";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MidtransExamples() {
    }

    static MidtransProperties properties(URI snap, URI api, boolean confirmWithGetStatus) {
        // Generous: the build machine is shared, and a late answer must not fail an unrelated test.
        return properties(snap, api, confirmWithGetStatus, Duration.ofSeconds(15));
    }

    static MidtransProperties properties(URI snap, URI api, boolean confirmWithGetStatus, Duration readTimeout) {
        return new MidtransProperties(true, SERVER_KEY, snap, api, Duration.ofSeconds(2), readTimeout,
                Duration.ofMinutes(60), confirmWithGetStatus);
    }

    /** A settled BCA virtual account payment of IDR 150,000 for {@link #ORDER}, signed with {@link #SERVER_KEY}. */
    static Map<String, Object> settlement() {
        var n = new LinkedHashMap<String, Object>();
        n.put("va_numbers", List.of(Map.of("va_number", "12345678901", "bank", "bca")));
        n.put("transaction_time", "2026-12-02 15:04:05");
        n.put("transaction_status", "settlement");
        n.put("transaction_id", TRANSACTION_ID);
        n.put("status_message", "midtrans payment notification");
        n.put("status_code", "200");
        n.put("settlement_time", "2026-12-02 15:09:41");
        n.put("payment_type", "bank_transfer");
        n.put("order_id", ORDER);
        n.put("merchant_id", "G141532850");
        n.put("gross_amount", "150000.00");
        n.put("fraud_status", "accept");
        n.put("currency", "IDR");
        return signed(n);
    }

    /** The same transaction in another state, re-signed (status codes as Midtrans sends them). */
    static Map<String, Object> withStatus(String transactionStatus, String statusCode, String fraudStatus) {
        var n = new LinkedHashMap<>(settlement());
        n.put("transaction_status", transactionStatus);
        n.put("status_code", statusCode);
        n.put("fraud_status", fraudStatus);
        return signed(n);
    }

    /** Signs as Midtrans does, computed here independently of the production code. */
    static Map<String, Object> signed(Map<String, Object> notification) {
        var n = new LinkedHashMap<>(notification);
        n.put("signature_key", sha512(n.get("order_id") + "" + n.get("status_code") + n.get("gross_amount")
                + SERVER_KEY));
        return n;
    }

    static String json(Map<String, Object> message) {
        return JSON.writeValueAsString(message);
    }

    static byte[] bytes(Map<String, Object> message) {
        return json(message).getBytes(StandardCharsets.UTF_8);
    }

    static String sha512(String input) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512")
                    .digest(input.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
