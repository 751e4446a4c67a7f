package dev.onshore.was.orders;

import java.util.regex.Pattern;

/**
 * How a shipped order travels: the carrier and the carrier's tracking number.
 *
 * @param carrier a carrier's short name as operators write it ("CJ대한통운", "JNE", "UPS"), 1 to 40 characters
 * @param trackingNumber 4 to 64 letters, digits and {@code -}
 */
public record Shipment(String carrier, String trackingNumber) {

    private static final Pattern TRACKING = Pattern.compile("[A-Za-z0-9-]{4,64}");

    public Shipment {
        carrier = carrier == null ? "" : carrier.strip();
        trackingNumber = trackingNumber == null ? "" : trackingNumber.strip();
        if (carrier.isEmpty() || carrier.length() > 40) {
            throw new IllegalArgumentException("a carrier needs 1 to 40 characters");
        }
        if (!TRACKING.matcher(trackingNumber).matches()) {
            throw new IllegalArgumentException("a tracking number needs 4 to 64 letters, digits or '-'");
        }
    }
}
