package dev.onshore.was.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.was.TestClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The pruning of {@code job_runs} on MariaDB, on the application's clock: 90 days kept unless configured. */
class JobRunPruningIntegrationTests extends JobsModuleTestSupport {

    @Autowired
    JobRunPruning pruning;

    @Autowired
    JdbcJobRuns runs;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    private long rows(String job) {
        return jdbc.sql("SELECT COUNT(*) FROM job_runs WHERE job = ?").param(job).query(Long.class).single();
    }

    @Test
    void runsOlderThanNinetyDaysByTheApplicationsClockAreDeletedAndNewerOnesKept() {
        // Far from the system's time, so that a pruning that read the system's clock would show it.
        var now = Instant.now().plus(Duration.ofDays(400)).truncatedTo(ChronoUnit.SECONDS);
        clock.set(now);
        var job = "Pruning.test-" + UUID.randomUUID();
        var old = now.minus(Duration.ofDays(91));
        var recent = now.minus(Duration.ofDays(89));
        runs.record(job, "node-a", old, old.plusSeconds(1), null);
        runs.record(job, "node-a", old, old.plusSeconds(1), "IllegalStateException: broke");
        runs.record(job, "node-b", recent, recent.plusSeconds(1), null);

        assertThat(pruning.prune()).isGreaterThanOrEqualTo(2);
        assertThat(rows(job)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT started_at FROM job_runs WHERE job = ?").param(job).query(Timestamp.class)
                .single().toInstant()).isEqualTo(recent);

        clock.set(now.plus(Duration.ofDays(2)));
        pruning.prune();
        assertThat(rows(job)).isZero();
    }
}
