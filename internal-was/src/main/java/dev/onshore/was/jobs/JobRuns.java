package dev.onshore.was.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The recorded runs of the scheduled jobs, newest first. */
public interface JobRuns {

    /**
     * One run of a job on one node.
     *
     * @param job the scheduled method, {@code Class.method} ({@code UnpaidOrders.cancelUnpaid})
     * @param node the host the run ran on
     * @param error the failure's exception class and message, null when it succeeded
     */
    record JobRun(long id, String job, String node, Instant startedAt, Duration duration, boolean succeeded,
            @Nullable String error) {
    }

    /** The latest runs of {@code job} (every job when null), at most {@code limit}. */
    List<JobRun> latest(@Nullable String job, int limit);

    /** The latest run of each job that ever recorded one, by job name. */
    List<JobRun> lastOfEachJob();

    /** The failed runs that started at or after {@code since}, at most {@code limit}. */
    List<JobRun> failuresSince(Instant since, int limit);
}
