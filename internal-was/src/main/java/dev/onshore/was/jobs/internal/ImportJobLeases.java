package dev.onshore.was.jobs.internal;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps an import from staying "running" for ever when its node stops mid-way (its worker thread and its open
 * transaction die with it, so nothing of the file was saved): a running job's node renews its heartbeat every
 * {@code onshore.jobs.import-heartbeat} ({@link JdbcImportJobs}); any node marks failed ({@code interrupted}) a job
 * whose heartbeat is older than {@code onshore.jobs.import-lease}, when it starts and then every minute. A restarted
 * node cannot tell its own dead jobs from a neighbour's live ones by name alone (nodes of a test run, or two JVMs on
 * one host, share a host name), so the lease decides for both.
 */
@Component
class ImportJobLeases {

    private static final Logger log = LoggerFactory.getLogger(ImportJobLeases.class);

    private final JdbcImportJobs jobs;
    private final Clock clock;
    private final Duration lease;

    ImportJobLeases(JdbcImportJobs jobs, Clock clock, JobProperties properties) {
        this.jobs = jobs;
        this.clock = clock;
        this.lease = properties.importLease();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        failExpired();
    }

    /** Marks failed the unfinished jobs whose lease ran out; how many. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    int failExpired() {
        var now = clock.instant();
        var failed = jobs.interrupt(now.minus(lease), now);
        if (failed > 0) {
            log.warn("Marked {} imports failed whose node stopped renewing them for {}", failed, lease);
        }
        return failed;
    }
}
