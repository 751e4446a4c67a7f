package dev.onshore.was.inventory.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives back units held past their time limit (an abandoned payment whose order was not cancelled in time, a node
 * that died mid-checkout). Every node may run it: each release is a guarded update, done once.
 */
@Component
class ReservationSweeper {

    private static final Logger log = LoggerFactory.getLogger(ReservationSweeper.class);

    private final JdbcStock stock;
    private final Clock clock;
    private final Counter expired;

    ReservationSweeper(JdbcStock stock, Clock clock, MeterRegistry meters) {
        this.clock = clock;
        this.stock = stock;
        this.expired = Counter.builder("onshore.stock.reservations.expired")
                .description("Orders whose held units went back to stock because their reservation expired")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${onshore.inventory.sweep-every:PT30S}")
    void releaseExpired() {
        releaseExpired(clock.instant());
    }

    /** Releases what expired before {@code now}; the number of orders whose units went back. */
    int releaseExpired(Instant now) {
        int released = 0;
        for (var order : stock.expired(now, 500)) {
            if (stock.releaseHeld(order)) {
                released++;
            }
        }
        if (released > 0) {
            expired.increment(released);
            log.info("Released the expired stock reservations of {} orders", released);
        }
        return released;
    }
}
