package dev.onshore.edge.waitingroom;

import dev.onshore.edge.redis.RedisUnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The hot deals internal-was announces, read every {@code refresh} (see the package documentation for why the edge
 * polls). A deal internal-was reports sold out (its count of units claimed, the truth) closes its room; one it
 * reports with units left again re-opens it. When internal-was does not answer, the last list stays.
 */
@Component
class HotDealFeed implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HotDealFeed.class);

    private final WaitingRoomProperties properties;
    private final Queues queues;
    private final RestClient http = RestClient.create();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("hot-deal-feed").factory());
    private volatile List<HotDeal> deals = List.of();
    /** Whether the last read failed: a failing feed is reported when it starts failing and when it recovers. */
    private volatile boolean failing;

    HotDealFeed(WaitingRoomProperties properties, Queues queues) {
        this.properties = properties;
        this.queues = queues;
    }

    @Override
    public void afterPropertiesSet() {
        if (properties.enabled()) {
            refresh();
            var every = properties.refresh().toMillis();
            timer.scheduleWithFixedDelay(this::refresh, every, every, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }

    /** The deals whose gate is up now. */
    List<HotDeal> gating(Instant now) {
        return deals.stream().filter(d -> d.gates(now, properties.opensBefore())).toList();
    }

    /** The deal with this id, whether gating or not; null when internal-was announced none. */
    @org.jspecify.annotations.Nullable
    HotDeal find(String id) {
        return deals.stream().filter(d -> d.id().equals(id)).findFirst().orElse(null);
    }

    void refresh() {
        Long askedAt;
        try {
            askedAt = queues.now();
        } catch (RedisUnavailableException e) {
            askedAt = null; // the list is still read: the gate needs it, and fails closed without Redis anyway
        }
        List<HotDeal> read;
        try {
            read = fetch();
        } catch (RuntimeException e) {
            if (failed()) {
                log.warn("Hot deals not read from {} ({}); keeping the last {} until it answers (said once)",
                        properties.dealsUrl(), e.getMessage(), deals.size());
            } else {
                log.debug("Hot deals still not read from {} ({})", properties.dealsUrl(), e.getMessage());
            }
            return;
        }
        if (read()) {
            log.info("Hot deals read from {} again: {}", properties.dealsUrl(), read.size());
        }
        deals = read;
        if (askedAt == null) {
            return;
        }
        for (var deal : read) {
            try {
                // Every time: internal-was counts the units claimed (the truth), so its "sold out" closes the room
                // and units coming back (a reservation expired, a payment failed) re-open it.
                if (queues.follow(deal, askedAt)) {
                    log.info("Deal {}: internal-was has units left again; its room re-opens", deal.id());
                }
            } catch (RedisUnavailableException e) {
                log.debug("Deal {} not followed: Redis unavailable", deal.id());
            }
        }
    }

    /** Notes a failed read; true when it is the first since the feed last answered (or since the start). */
    boolean failed() {
        var first = !failing;
        failing = true;
        return first;
    }

    /** Notes a read; true when the feed had been failing. */
    boolean read() {
        var recovered = failing;
        failing = false;
        return recovered;
    }

    @SuppressWarnings("unchecked")
    private List<HotDeal> fetch() {
        List<Map<String, Object>> body = http.get().uri(properties.dealsUrl()).retrieve().body(List.class);
        var read = new ArrayList<HotDeal>();
        for (var entry : body == null ? List.<Map<String, Object>>of() : body) {
            try {
                read.add(new HotDeal((String) entry.get("id"), (List<String>) entry.get("paths"),
                        (List<String>) entry.get("checkoutPaths"), Instant.parse((String) entry.get("startsAt")),
                        Instant.parse((String) entry.get("endsAt")),
                        ((Number) entry.get("admissionsPerMinute")).intValue(),
                        ((Number) entry.get("units")).intValue(), Boolean.TRUE.equals(entry.get("soldOut"))));
            } catch (RuntimeException e) {
                log.warn("Ignoring a hot deal internal-was announced: {}", e.toString());
            }
        }
        return List.copyOf(read);
    }
}
