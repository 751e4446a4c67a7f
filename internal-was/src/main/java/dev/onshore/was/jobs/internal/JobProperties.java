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
 * @param importWorkers how many imports one node runs at a time (the others wait, queued)
 * @param importHeartbeat how often a node renews the heartbeat of the imports it runs
 * @param importLease an unfinished import whose heartbeat is older than this is marked failed: its node stopped
 */
@Validated
@ConfigurationProperties("onshore.jobs")
record JobProperties(@DefaultValue("PT10M") Duration recordSuccessesEvery,
        @DefaultValue("P90D") Duration retention, @DefaultValue("PT6H") Duration pruneEvery,
        @DefaultValue("2") int importWorkers, @DefaultValue("PT20S") Duration importHeartbeat,
        @DefaultValue("PT2M") Duration importLease) {

    JobProperties {
        if (retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("onshore.jobs.retention must be at least one day, not " + retention);
        }
        if (importWorkers < 1 || importWorkers > 16) {
            throw new IllegalArgumentException("onshore.jobs.import-workers must be 1 to 16, not " + importWorkers);
        }
        if (importHeartbeat.isNegative() || importHeartbeat.isZero()
                || importLease.compareTo(importHeartbeat.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("onshore.jobs.import-lease (" + importLease
                    + ") must be at least three heartbeats (" + importHeartbeat + ")");
        }
    }
}
