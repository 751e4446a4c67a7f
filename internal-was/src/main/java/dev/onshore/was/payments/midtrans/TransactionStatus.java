package dev.onshore.was.payments.midtrans;

import dev.onshore.was.payments.PaymentNotification.Outcome;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Midtrans's {@code transaction_status} values (its "Transaction Status Cycle") and what each means to Onshore.
 * {@code capture} is a card payment: it counts as paid only when Midtrans's fraud detection accepted it
 * ({@code fraud_status} {@code accept}, or absent as on channels without fraud screening); {@code challenge} waits
 * for an operator's decision on the Midtrans dashboard, and {@code deny} is a refusal.
 */
enum TransactionStatus {
    AUTHORIZE, CAPTURE, SETTLEMENT, PENDING, DENY, CANCEL, EXPIRE, FAILURE, REFUND, PARTIAL_REFUND, CHARGEBACK,
    PARTIAL_CHARGEBACK,
    /** A value this adapter does not know (Midtrans adds statuses from time to time). */
    OTHER;

    static TransactionStatus of(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return OTHER;
        }
    }

    /**
     * What this status means for the order. Chargebacks and unknown statuses are {@link Outcome#PENDING} (the
     * port's rule for a provider's other states): they are not a refund Onshore issued and not a new payment.
     */
    Outcome outcome(@Nullable String fraudStatus) {
        return switch (this) {
            case SETTLEMENT -> Outcome.CAPTURED;
            case CAPTURE -> switch (fraudStatus == null ? "accept" : fraudStatus.strip().toLowerCase(Locale.ROOT)) {
                case "accept" -> Outcome.CAPTURED;
                case "deny" -> Outcome.FAILED;
                default -> Outcome.PENDING; // challenge: an operator approves or denies it on the dashboard
            };
            case DENY, CANCEL, FAILURE -> Outcome.FAILED;
            case EXPIRE -> Outcome.EXPIRED;
            case REFUND, PARTIAL_REFUND -> Outcome.REFUNDED;
            case AUTHORIZE, PENDING, CHARGEBACK, PARTIAL_CHARGEBACK, OTHER -> Outcome.PENDING;
        };
    }
}
