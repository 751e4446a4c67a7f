package dev.onshore.was.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * File imports as background jobs, whatever they import (products, marketplace orders): the upload is parsed and
 * answered at once with its job; a worker thread of this node runs the import's {@link Work}, which checks every row
 * and then saves all rows in one transaction or none. Where the job is ({@code rows done of total}) is kept in
 * {@code import_job}, written in small transactions of its own, so that any node answers the browser's polling. A job
 * whose node stopped (a restart, a crash) is marked failed ({@code interrupted}) when the node starts again or when
 * its lease runs out, on whichever node notices first.
 */
public interface ImportJobs {

    enum State {
        QUEUED, VALIDATING, SAVING, SUCCEEDED, FAILED;

        public boolean finished() {
            return this == SUCCEEDED || this == FAILED;
        }
    }

    /**
     * One refused cell or row.
     *
     * @param row as the spreadsheet numbers it (the header is row 1); 0 for the file as a whole
     * @param column the header's name, empty for the row as a whole
     * @param code a stable code of the importing area ({@code required}, {@code duplicate}, ...); {@code failed} when
     *     the import broke down, {@code interrupted} when its node stopped
     */
    record RowError(int row, String column, String code) {
    }

    /**
     * Where an import is.
     *
     * @param kind which import ({@code product}, {@code marketplace-order})
     * @param errors empty unless it failed; at most 1,000
     * @param result what the import reports on success (its own keys), empty before
     * @param finishedAt null while it runs
     */
    record ImportJob(UUID id, String kind, String fileName, State state, int totalRows, int processedRows,
            int savedRows, List<RowError> errors, Map<String, Object> result, String createdBy, Instant createdAt,
            @Nullable Instant finishedAt) {
    }

    /** What a running import reports; each call is written in a transaction of its own, whatever the caller's. */
    interface Progress {

        /** The job's id (for the import's audit row). */
        UUID jobId();

        /** {@code rows} of the file have been checked. */
        void validating(int rows);

        /** All rows passed; {@code rows} have been saved so far (in the import's transaction, not yet committed). */
        void saving(int rows);
    }

    /** How an import ended, unless it threw. */
    sealed interface Outcome {

        /** Everything was saved: {@code savedRows} and what to show (JSON-friendly values). */
        record Saved(int savedRows, Map<String, Object> result) implements Outcome {
        }

        /** Nothing was saved because of these rows. */
        record Refused(List<RowError> errors) implements Outcome {
        }
    }

    /**
     * The import itself, run on the worker's thread with the starting operator as the admin caller (so that its audit
     * rows name them). It must save all or nothing; an exception fails the job as a whole ({@code failed}).
     */
    @FunctionalInterface
    interface Work {
        Outcome run(Progress progress);
    }

    /** Queues {@code work} and answers at once with the queued job. */
    ImportJob start(String kind, String fileName, int totalRows, String createdBy, Work work);

    /** The job of that kind, if any. */
    Optional<ImportJob> find(String kind, UUID id);

    /** The latest jobs of every kind, newest first, at most {@code limit}, without their errors and results. */
    List<ImportJob> latest(int limit);
}
