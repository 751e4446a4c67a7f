package dev.onshore.was.jobs.internal;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code job_runs} from growing for ever: runs that started longer ago than {@code onshore.jobs.retention}
 * (90 days unless set) are deleted every {@code onshore.jobs.prune-every}. Every node prunes; the deletes are
 * idempotent. The pruning is itself a scheduled job, so its runs are recorded too.
 */
@Component
class JobRunPruning {

    private static final Logger log = LoggerFactory.getLogger(JobRunPruning.class);

    private final JdbcJobRuns runs;
    private final Clock clock;
    private final Duration retention;

    JobRunPruning(JdbcJobRuns runs, Clock clock, JobProperties properties) {
        this.runs = runs;
        this.clock = clock;
        this.retention = properties.retention();
    }

    /** Deletes the runs older than the retention; how many. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${onshore.jobs.prune-every:PT6H}")
    int prune() {
        var deleted = runs.deleteStartedBefore(clock.instant().minus(retention));
        if (deleted > 0) {
            log.info("Deleted {} batch-job runs older than {}", deleted, retention);
        }
        return deleted;
    }
}
