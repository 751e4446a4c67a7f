package dev.onshore.was.payments.midtrans;

import dev.onshore.i18n.money.Money;
import dev.onshore.was.payments.PaymentNotification;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A transaction as Midtrans describes it in an HTTP notification and in a Get Status answer (the two share these
 * fields). Values are kept as Midtrans wrote them: the signature is computed over the exact {@code gross_amount}
 * text ({@code "150000.00"}).
 *
 * @param orderId           Onshore's order reference
 * @param statusCode        Midtrans's code for the state ({@code "200"}, {@code "201"} pending, {@code "202"} denied,
 *                          {@code "407"} expired)
 * @param grossAmount       the amount as written, e.g. {@code "150000.00"}
 * @param signatureKey      SHA-512 hex of order id, status code, gross amount and server key; absent in some answers
 * @param transactionStatus e.g. {@code settlement}
 * @param fraudStatus       {@code accept}, {@code challenge} or {@code deny}; absent on some channels
 * @param transactionId     Midtrans's id of the payment
 * @param transactionTime   {@code yyyy-MM-dd HH:mm:ss} in Jakarta time (GMT+7), as Midtrans documents it
 * @param currency          ISO code; Midtrans omits it on some channels, and then it is IDR
 * @param refunds           how many refunds the transaction lists (0 when it lists none)
 */
record MidtransTransaction(String orderId, String statusCode, String grossAmount, @Nullable String signatureKey,
                           String transactionStatus, @Nullable String fraudStatus, String transactionId,
                           String transactionTime, @Nullable String currency, int refunds) {

    static final String PROVIDER = "midtrans";

    /** Midtrans writes times in Western Indonesian Time without an offset. */
    static final ZoneId MIDTRANS_TIME_ZONE = ZoneId.of("Asia/Jakarta");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    /**
     * Reads the fields Onshore needs.
     *
     * @throws IllegalArgumentException naming every required field that is missing, not text, or unreadable
     */
    static MidtransTransaction read(JsonNode json) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        var missing = new ArrayList<String>();
        var orderId = text(json, "order_id", missing);
        var statusCode = text(json, "status_code", missing);
        var grossAmount = text(json, "gross_amount", missing);
        var transactionStatus = text(json, "transaction_status", missing);
        var transactionId = text(json, "transaction_id", missing);
        var transactionTime = text(json, "transaction_time", missing);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("missing or empty: " + String.join(", ", missing));
        }
        var refunds = json.path("refunds");
        var transaction = new MidtransTransaction(orderId, statusCode, grossAmount, optionalText(json, "signature_key"),
                transactionStatus, optionalText(json, "fraud_status"), transactionId, transactionTime,
                optionalText(json, "currency"), refunds.isArray() ? refunds.size() : 0);
        transaction.amount(); // fails early on an unreadable amount, currency or time
        transaction.occurredAt();
        return transaction;
    }

    TransactionStatus status() {
        return TransactionStatus.of(transactionStatus);
    }

    /** @throws IllegalArgumentException when the amount or the currency cannot be read */
    Money amount() {
        try {
            return Money.of(new BigDecimal(grossAmount), Currency.getInstance(currency == null ? "IDR" : currency));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("gross_amount is not a number: " + grossAmount, e);
        }
    }

    /** @throws IllegalArgumentException when the time cannot be read */
    Instant occurredAt() {
        try {
            return LocalDateTime.parse(transactionTime, TIME).atZone(MIDTRANS_TIME_ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("transaction_time is not yyyy-MM-dd HH:mm:ss: " + transactionTime, e);
        }
    }

    /**
     * The deduplication key: Midtrans repeats a notification for the same state (same transaction id and status),
     * and each state change is a new event. Each further partial refund adds a refund to the list, so it counts.
     */
    String eventId() {
        var status = status();
        var id = transactionId + ":" + transactionStatus;
        return status == TransactionStatus.PARTIAL_REFUND || status == TransactionStatus.REFUND
                ? id + ":" + refunds : id;
    }

    PaymentNotification toNotification() {
        return new PaymentNotification(PROVIDER, eventId(), orderId, transactionId, status().outcome(fraudStatus),
                amount(), occurredAt());
    }

    private static String text(JsonNode json, String field, ArrayList<String> missing) {
        var value = optionalText(json, field);
        if (value == null) {
            missing.add(field);
            return "";
        }
        return value;
    }

    private static @Nullable String optionalText(JsonNode json, String field) {
        var node = json.get(field);
        if (node == null || node.isNull() || !(node.isString() || node.isNumber())) {
            return null;
        }
        var value = node.asString();
        return value.isBlank() ? null : value;
    }
}
