package dev.onshore.was.jobs.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param recordSuccessesEvery a job's success is recorded when its last recorded run on this node is older than this
 *     (or failed); failures are always recorded
 * @param retention how long a recorded run is kept: older runs are deleted by {@link JobRunPruning}
 * @param pruneEvery how often the pruning runs
 */
@Validated
@ConfigurationProperties("onshore.jobs")
record JobProperties(@DefaultValue("PT10M") Duration recordSuccessesEvery,
        @DefaultValue("P90D") Duration retention, @DefaultValue("PT6H") Duration pruneEvery) {

    JobProperties {
        if (retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("onshore.jobs.retention must be at least one day, not " + retention);
        }
    }
}
