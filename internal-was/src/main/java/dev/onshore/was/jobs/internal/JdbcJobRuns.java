package dev.onshore.was.jobs.internal;

import dev.onshore.was.jobs.JobRuns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@code job_runs} in MariaDB: one row per recorded run, never updated. */
@Service
class JdbcJobRuns implements JobRuns {

    static final int MAX_ERROR = 2000;

    private final JdbcClient jdbc;

    JdbcJobRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String job, String node, Instant startedAt, Instant finishedAt, @Nullable String error) {
        jdbc.sql("""
                INSERT INTO job_runs (job, node, started_at, finished_at, succeeded, error)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(job, node, Timestamp.from(startedAt), Timestamp.from(finishedAt), error == null,
                        error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR))
                .update();
    }

    /** Deletes the runs that started before {@code cutoff}; how many. */
    int deleteStartedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM job_runs WHERE started_at < ?").param(Timestamp.from(cutoff)).update();
    }

    @Override
    public List<JobRun> latest(@Nullable String job, int limit) {
        if (job == null) {
            return jdbc.sql("SELECT * FROM job_runs ORDER BY started_at DESC, id DESC LIMIT ?").param(limit)
                    .query(JdbcJobRuns::run).list();
        }
        return jdbc.sql("SELECT * FROM job_runs WHERE job = ? ORDER BY started_at DESC, id DESC LIMIT ?")
                .params(job, limit).query(JdbcJobRuns::run).list();
    }

    @Override
    public List<JobRun> lastOfEachJob() {
        return jdbc.sql("""
                SELECT r.* FROM job_runs r
                JOIN (SELECT job, MAX(id) AS id FROM job_runs GROUP BY job) last ON last.id = r.id
                ORDER BY r.job""").query(JdbcJobRuns::run).list();
    }

    @Override
    public List<JobRun> failuresSince(Instant since, int limit) {
        return jdbc.sql("""
                SELECT * FROM job_runs WHERE succeeded = FALSE AND started_at >= ?
                ORDER BY started_at DESC, id DESC LIMIT ?""")
                .params(Timestamp.from(since), limit).query(JdbcJobRuns::run).list();
    }

    private static JobRun run(ResultSet rs, int row) throws SQLException {
        var started = rs.getTimestamp("started_at").toInstant();
        return new JobRun(rs.getLong("id"), rs.getString("job"), rs.getString("node"), started,
                Duration.between(started, rs.getTimestamp("finished_at").toInstant()), rs.getBoolean("succeeded"),
                rs.getString("error"));
    }
}
