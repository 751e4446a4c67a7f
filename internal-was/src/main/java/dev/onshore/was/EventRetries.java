package dev.onshore.was;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the events whose listener failed: an order mail while the SMTP relay was down, an event bound for
 * Kafka while the broker was away, a listener whose node died mid-way (the registry's staleness monitor marks those
 * failed, see {@code spring.modulith.events.staleness}). Without this, Spring Modulith retries a failed publication
 * only at a restart, and only when told to: a mail that failed once was never sent. Every listener is idempotent
 * (mails, statistics, search and consumers deduplicate on the event), so a publication two nodes resubmit at once
 * has one effect.
 */
@Component
class EventRetries {

    private static final Logger log = LoggerFactory.getLogger(EventRetries.class);

    private final FailedEventPublications failed;
    private final ResubmissionOptions options;

    /**
     * @param retryAfter how old a failed publication must be before it is tried again
     * @param batch how many failed publications one run reads
     * @param inFlight how many resubmitted listeners may run at once: well under the connection pool, so that a
     *     backlog (a relay down for an hour) does not starve the requests of connections
     */
    EventRetries(FailedEventPublications failed, @Value("${onshore.events.retry-after:PT30S}") Duration retryAfter,
            @Value("${onshore.events.retry-batch:100}") int batch, @Value("${onshore.events.retry-in-flight:6}") int inFlight) {
        this.failed = failed;
        this.options = ResubmissionOptions.defaults().withMinAge(retryAfter).withBatchSize(batch)
                .withMaxInFlight(inFlight);
    }

    @Scheduled(fixedDelayString = "${onshore.events.retry-every:PT30S}",
            initialDelayString = "${onshore.events.retry-every:PT30S}")
    void resubmitFailedPublications() {
        log.debug("Resubmitting failed event publications ({})", options);
        failed.resubmit(options);
    }
}
