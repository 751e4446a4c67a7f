package dev.onshore.was.hotdeals;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * An operator's request to schedule a hot deal. The window is in {@code zone}, the operator's time zone (KST when
 * none is given), and is stored as UTC instants.
 *
 * @param sku the product on sale
 * @param units units on sale, at least 1
 * @param price the deal's unit price, positive
 * @param currency ISO 4217 code of the price
 * @param perCustomerLimit units one customer may buy, 1 to {@code units}
 * @param startsAt start, local to {@code zone}
 * @param endsAt end, local to {@code zone}, after the start
 * @param zone the operator's time zone; null for Asia/Seoul
 * @param admissionsPerMinute buyers the waiting room admits per minute, at least 1
 */
public record ScheduleHotDeal(@Nullable String sku, int units, @Nullable BigDecimal price, @Nullable String currency,
        int perCustomerLimit, @Nullable LocalDateTime startsAt, @Nullable LocalDateTime endsAt, @Nullable String zone,
        int admissionsPerMinute) {

    static final ZoneId OPERATOR_ZONE = ZoneId.of("Asia/Seoul");

    /**
     * @throws InvalidHotDealException naming the first field that is missing or out of range
     */
    void validate() {
        if (sku == null || !sku.matches("[A-Za-z0-9-]{1,64}")) {
            throw new InvalidHotDealException("sku");
        }
        if (units < 1) {
            throw new InvalidHotDealException("units");
        }
        if (price == null || price.signum() <= 0) {
            throw new InvalidHotDealException("price");
        }
        if (currencyUnit() == null) {
            throw new InvalidHotDealException("currency");
        }
        if (perCustomerLimit < 1 || perCustomerLimit > units) {
            throw new InvalidHotDealException("perCustomerLimit");
        }
        if (zoneId() == null) {
            throw new InvalidHotDealException("zone");
        }
        if (startsAt == null) {
            throw new InvalidHotDealException("startsAt");
        }
        if (endsAt == null || !endsAt.isAfter(startsAt)) {
            throw new InvalidHotDealException("endsAt");
        }
        if (admissionsPerMinute < 1) {
            throw new InvalidHotDealException("admissionsPerMinute");
        }
    }

    @Nullable
    Currency currencyUnit() {
        try {
            return currency == null ? null : Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Nullable
    ZoneId zoneId() {
        try {
            return zone == null || zone.isBlank() ? OPERATOR_ZONE : ZoneId.of(zone);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
