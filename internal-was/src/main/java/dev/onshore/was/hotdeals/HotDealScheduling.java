package dev.onshore.was.hotdeals;

import dev.onshore.was.audit.AuditTrail;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Schedules hot deals, announces them and claims their units. */
@Service
public class HotDealScheduling {

    private final HotDeals deals;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();
    private final AuditTrail audit;

    HotDealScheduling(HotDeals deals, ApplicationEventPublisher events, AuditTrail audit) {
        this.audit = audit;
        this.deals = deals;
        this.events = events;
    }

    /**
     * @throws InvalidHotDealException when a field is missing or out of range
     */
    @Transactional
    public HotDealView schedule(ScheduleHotDeal request, String operator) {
        var deal = deals.save(HotDeal.schedule(request, operator));
        var view = deal.view();
        audit.record("hotdeal.schedule", "hotdeal:" + view.id(), null, view);
        events.publishEvent(new HotDealScheduled(view.id(), view.sku(), view.units(), view.startsAt(), view.endsAt(),
                operator));
        return view;
    }

    /** Deals not over yet, soonest first. */
    @Transactional(readOnly = true)
    public List<HotDealView> upcoming() {
        return deals.notOverAt(clock.instant()).stream().map(HotDeal::view).toList();
    }

    /** What the storefront and the edge see: scheduled deals not over yet. */
    @Transactional(readOnly = true)
    public List<AnnouncedHotDeal> announced() {
        var now = clock.instant();
        return deals.notOverAt(now).stream().filter(d -> d.isAnnounced(now)).map(HotDeal::announcement).toList();
    }

    /**
     * @throws UnknownHotDealException when there is no such deal
     */
    @Transactional
    public HotDealView cancel(UUID id) {
        var deal = deals.findById(id).orElseThrow(() -> new UnknownHotDealException(id));
        var before = deal.view();
        deal.cancel(clock.instant());
        audit.record("hotdeal.cancel", "hotdeal:" + id, before, deal.view());
        return deal.view();
    }

    /**
     * Claims {@code quantity} units of the deal for an order, in the caller's transaction: true when they are taken,
     * false when fewer are left (or the deal is cancelled). Never sells more than the deal's units.
     */
    @Transactional
    public boolean claimUnits(UUID id, int quantity) {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        return deals.takeUnits(id, quantity) == 1;
    }
}
