package dev.onshore.was.payments.midtrans;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Midtrans's notification signature: {@code signature_key} is the lowercase hex SHA-512 of
 * {@code order_id + status_code + gross_amount + server_key} (Midtrans docs, "Receiving Notifications"). It proves
 * the sender knows the server key, and covers only those three fields: the rest of a notification (notably
 * {@code transaction_status}) is not signed, which is why {@link MidtransGateway} confirms it with Get Status.
 */
final class NotificationSignature {

    private final byte[] serverKey;

    NotificationSignature(String serverKey) {
        this.serverKey = serverKey.getBytes(StandardCharsets.UTF_8);
    }

    /** The signature Midtrans computes for these fields. */
    String of(String orderId, String statusCode, String grossAmount) {
        try {
            var digest = MessageDigest.getInstance("SHA-512");
            digest.update((orderId + statusCode + grossAmount).getBytes(StandardCharsets.UTF_8));
            digest.update(serverKey);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-512", e);
        }
    }

    /** Compares in constant time (for equal lengths), so the answer time tells nothing about how much matched. */
    boolean matches(MidtransTransaction notification) {
        var given = notification.signatureKey();
        if (given == null) {
            return false;
        }
        var expected = of(notification.orderId(), notification.statusCode(), notification.grossAmount());
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
