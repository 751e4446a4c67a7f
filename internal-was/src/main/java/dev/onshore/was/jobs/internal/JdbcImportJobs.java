package dev.onshore.was.jobs.internal;

import dev.onshore.was.adminapi.AdminCaller;
import dev.onshore.was.jobs.ImportJobs;
import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code import_job} in MariaDB and this node's worker threads. Every write to the row is a transaction of its own
 * (REQUIRES_NEW), so that the progress of an import is visible to every node while the import's own transaction is
 * still open. A thread of its own renews the heartbeat of this node's running jobs every
 * {@code onshore.jobs.import-heartbeat}, apart from the application's scheduler, which a long scheduled job can hold
 * up for longer than the lease.
 */
@Service
class JdbcImportJobs implements ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(JdbcImportJobs.class);

    static final int MAX_ERRORS = 1_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final String node;
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;
    private final ScheduledExecutorService heartbeat;

    JdbcImportJobs(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, JobProperties properties) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.node = JobRecorder.node();
        // Platform threads: an import holds one database transaction for its whole saving phase.
        this.workers = Executors.newFixedThreadPool(properties.importWorkers(),
                Thread.ofPlatform().name("import-", 1).daemon().factory());
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("import-heartbeat").daemon().factory());
        var every = properties.importHeartbeat().toMillis();
        heartbeat.scheduleWithFixedDelay(this::renewRunning, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
        workers.shutdownNow();
    }

    /** Renews the heartbeat of this node's running jobs (its own thread calls it every heartbeat). */
    void renewRunning() {
        try {
            renew(Set.copyOf(running), clock.instant());
        } catch (RuntimeException e) {
            // The next beat tries again; a database that stays away lets the lease run out, as it should.
            log.warn("Could not renew the heartbeat of the running imports: {}", e.toString());
        }
    }

    @Override
    public ImportJob start(String kind, String fileName, int totalRows, String createdBy, Work work) {
        var id = UUID.randomUUID();
        var now = Timestamp.from(clock.instant());
        var name = fileName.isBlank() ? "upload" : fileName.strip();
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                INSERT INTO import_job (id, kind, file_name, state, total_rows, created_by, node, created_at,
                                        heartbeat_at)
                VALUES (?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?)""")
                .params(id.toString(), kind, name.length() > 200 ? name.substring(0, 200) : name, totalRows,
                        createdBy, node, now, now)
                .update());
        running.add(id);
        var caller = AdminCaller.current().orElse(null);
        workers.execute(() -> {
            if (caller != null) {
                RequestContextHolder.setRequestAttributes(new CallerAttributes(caller));
            }
            try {
                run(id, kind, work);
            } finally {
                running.remove(id);
                RequestContextHolder.resetRequestAttributes();
            }
        });
        return find(kind, id).orElseThrow();
    }

    private void run(UUID id, String kind, Work work) {
        try {
            progress(id, State.VALIDATING, 0, 0);
            var outcome = work.run(new Progress() {
                @Override
                public UUID jobId() {
                    return id;
                }

                @Override
                public void validating(int rows) {
                    progress(id, State.VALIDATING, rows, 0);
                }

                @Override
                public void saving(int rows) {
                    progressSaving(id, rows);
                }
            });
            switch (outcome) {
                case Outcome.Saved saved -> finish(id, State.SUCCEEDED, saved.savedRows(), List.of(), saved.result());
                case Outcome.Refused refused -> finish(id, State.FAILED, 0, refused.errors(), Map.of());
            }
        } catch (RuntimeException e) {
            // The import's transaction rolled back: nothing was saved; the report says the file failed as a whole.
            log.warn("Import {} ({}) failed", id, kind, e);
            finish(id, State.FAILED, 0, List.of(new RowError(0, "", "failed")), Map.of());
        }
    }

    private void progress(UUID id, State state, int processed, int saved) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                UPDATE import_job SET state = ?, processed_rows = ?, saved_rows = ?, heartbeat_at = ?
                WHERE id = ? AND finished_at IS NULL""")
                .params(state.name(), processed, saved, Timestamp.from(clock.instant()), id.toString()).update());
    }

    private void progressSaving(UUID id, int saved) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                UPDATE import_job SET state = 'SAVING', processed_rows = total_rows, saved_rows = ?, heartbeat_at = ?
                WHERE id = ? AND finished_at IS NULL""")
                .params(saved, Timestamp.from(clock.instant()), id.toString()).update());
    }

    private void finish(UUID id, State state, int saved, List<RowError> errors, Map<String, Object> result) {
        var kept = errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors;
        var now = Timestamp.from(clock.instant());
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                UPDATE import_job SET state = ?, processed_rows = CASE WHEN ? THEN total_rows ELSE processed_rows END,
                       saved_rows = ?, errors = ?, result = ?, heartbeat_at = ?, finished_at = ?
                WHERE id = ?""")
                .params(state.name(), state == State.SUCCEEDED, saved,
                        kept.isEmpty() ? null : JSON.writeValueAsString(kept),
                        result.isEmpty() ? null : JSON.writeValueAsString(result), now, now, id.toString())
                .update());
    }

    /** Renews the heartbeat of these jobs (this node's running ones). */
    int renew(Set<UUID> ids, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE import_job SET heartbeat_at = :now WHERE id IN (:ids) AND finished_at IS NULL")
                .param("now", Timestamp.from(now)).param("ids", ids.stream().map(UUID::toString).toList()).update();
    }

    /** Marks failed ({@code interrupted}) every unfinished job whose heartbeat is older than {@code cutoff}; how many. */
    int interrupt(Instant cutoff, Instant now) {
        var errors = JSON.writeValueAsString(List.of(new RowError(0, "", "interrupted")));
        return jdbc.sql("""
                UPDATE import_job SET state = 'FAILED', saved_rows = 0, errors = :errors, finished_at = :now
                WHERE finished_at IS NULL AND heartbeat_at < :cutoff""")
                .param("errors", errors).param("now", Timestamp.from(now)).param("cutoff", Timestamp.from(cutoff))
                .update();
    }

    @Override
    public Optional<ImportJob> find(String kind, UUID id) {
        return jdbc.sql("SELECT * FROM import_job WHERE id = ? AND kind = ?").params(id.toString(), kind)
                .query((rs, row) -> job(rs, true)).optional();
    }

    @Override
    public List<ImportJob> latest(int limit) {
        return jdbc.sql("SELECT * FROM import_job ORDER BY created_at DESC LIMIT ?").param(limit)
                .query((rs, row) -> job(rs, false)).list();
    }

    private static ImportJob job(ResultSet rs, boolean details) throws SQLException {
        var finished = rs.getTimestamp("finished_at");
        return new ImportJob(UUID.fromString(rs.getString("id")), rs.getString("kind"), rs.getString("file_name"),
                State.valueOf(rs.getString("state")), rs.getInt("total_rows"), rs.getInt("processed_rows"),
                rs.getInt("saved_rows"), details ? errors(rs.getString("errors")) : List.of(),
                details ? result(rs.getString("result")) : Map.of(), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant());
    }

    private static List<RowError> errors(@Nullable String json) {
        return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<RowError>>() {
        });
    }

    private static Map<String, Object> result(@Nullable String json) {
        return json == null ? Map.of() : JSON.readValue(json, new TypeReference<Map<String, Object>>() {
        });
    }
}
