package dev.onshore.was.hotdeals;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A scheduled hot deal. Its units left are changed only by the conditional update in {@link HotDeals}. */
@Entity
@Table(name = "hot_deal")
class HotDeal {

    enum Status {
        SCHEDULED, CANCELLED
    }

    @Id
    private UUID id;
    private String sku;
    private int units;
    @Column(name = "units_left")
    private int unitsLeft;
    @Column(name = "price_amount", precision = 19, scale = 4)
    private BigDecimal priceAmount;
    @Column(name = "price_currency")
    private String priceCurrency;
    @Column(name = "per_customer_limit")
    private int perCustomerLimit;
    @Column(name = "starts_at")
    private Instant startsAt;
    @Column(name = "ends_at")
    private Instant endsAt;
    @Column(name = "operator_zone")
    private String operatorZone;
    @Column(name = "admissions_per_minute")
    private int admissionsPerMinute;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status;
    @Column(name = "scheduled_by")
    private String scheduledBy;
    @Version
    private long version;

    protected HotDeal() {
    }

    /** A new deal from a validated request. */
    static HotDeal schedule(ScheduleHotDeal request, String operator) {
        request.validate();
        var zone = request.zoneId();
        var deal = new HotDeal();
        deal.id = UUID.randomUUID();
        deal.sku = request.sku();
        deal.units = request.units();
        deal.unitsLeft = request.units();
        deal.priceAmount = request.price();
        deal.priceCurrency = request.currencyUnit().getCurrencyCode();
        deal.perCustomerLimit = request.perCustomerLimit();
        deal.startsAt = request.startsAt().atZone(zone).toInstant();
        deal.endsAt = request.endsAt().atZone(zone).toInstant();
        deal.operatorZone = zone.getId();
        deal.admissionsPerMinute = request.admissionsPerMinute();
        deal.status = Status.SCHEDULED;
        deal.scheduledBy = operator;
        return deal;
    }

    /** Takes the deal off sale; a deal already over stays as it was. */
    void cancel(Instant now) {
        if (!now.isBefore(endsAt)) {
            throw new HotDealOverException(id);
        }
        status = Status.CANCELLED;
    }

    UUID id() {
        return id;
    }

    boolean isAnnounced(Instant now) {
        return status == Status.SCHEDULED && now.isBefore(endsAt);
    }

    HotDealView view() {
        var zone = ZoneId.of(operatorZone);
        return new HotDealView(id, sku, units, unitsLeft, priceAmount, priceCurrency, perCustomerLimit, startsAt,
                endsAt, operatorZone, startsAt.atZone(zone).toLocalDateTime(), endsAt.atZone(zone).toLocalDateTime(),
                admissionsPerMinute, status.name(), scheduledBy);
    }

    AnnouncedHotDeal announcement() {
        var key = id.toString();
        return new AnnouncedHotDeal(key, sku, java.util.List.of("/*/p/" + sku, "/api/shop/v1/products/" + sku),
                java.util.List.of("/api/shop/v1/hot-deals/" + key + "/checkout", "/*/hot-deals/" + key + "/checkout"),
                startsAt, endsAt, admissionsPerMinute, units, perCustomerLimit, priceAmount, priceCurrency,
                unitsLeft <= 0);
    }
}
