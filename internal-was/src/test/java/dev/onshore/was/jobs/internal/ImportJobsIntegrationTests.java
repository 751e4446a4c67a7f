package dev.onshore.was.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.was.TestClock;
import dev.onshore.was.jobs.ImportJobs.ImportJob;
import dev.onshore.was.jobs.ImportJobs.Outcome;
import dev.onshore.was.jobs.ImportJobs.RowError;
import dev.onshore.was.jobs.ImportJobs.State;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Import jobs on MariaDB: the work runs on a worker thread while the starter gets the queued job at once, its progress
 * is readable while it runs, it ends with its result or its row errors, and a job whose node stopped is marked failed
 * when its lease runs out instead of staying "running" for ever.
 */
class ImportJobsIntegrationTests extends JobsModuleTestSupport {

    @Autowired
    JdbcImportJobs jobs;

    @Autowired
    ImportJobLeases leases;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void now() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private ImportJob until(UUID id, Predicate<ImportJob> reached) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var job = jobs.find("test", id).orElseThrow();
            if (reached.test(job)) {
                return job;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("job " + id + " did not get there: " + jobs.find("test", id));
    }

    @Test
    void theWorkRunsOnAWorkerThreadWithItsProgressReadableWhileItRunsAndItsResultAfter() throws Exception {
        var checked = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var thread = new AtomicReference<String>();
        var queued = jobs.start("test", "orders.csv", 7, "park", progress -> {
            thread.set(Thread.currentThread().getName());
            progress.validating(5);
            checked.countDown();
            awaitQuietly(release);
            progress.saving(3);
            return new Outcome.Saved(7, Map.of("imported", List.of("ON-1", "ON-2")));
        });
        assertThat(queued.state()).isIn(State.QUEUED, State.VALIDATING);
        assertThat(queued.totalRows()).isEqualTo(7);
        assertThat(queued.createdBy()).isEqualTo("park");
        assertThat(queued.finishedAt()).isNull();

        assertThat(checked.await(30, TimeUnit.SECONDS)).isTrue();
        var running = until(queued.id(), job -> job.processedRows() == 5);
        assertThat(running.state()).isEqualTo(State.VALIDATING);
        assertThat(jobs.latest(50)).extracting(ImportJob::id).contains(queued.id());

        release.countDown();
        var done = until(queued.id(), job -> job.state().finished());
        assertThat(thread.get()).startsWith("import-");
        assertThat(done.state()).isEqualTo(State.SUCCEEDED);
        assertThat(done.processedRows()).isEqualTo(7);
        assertThat(done.savedRows()).isEqualTo(7);
        assertThat(done.result()).containsEntry("imported", List.of("ON-1", "ON-2"));
        assertThat(done.errors()).isEmpty();
        assertThat(done.finishedAt()).isNotNull();
        assertThat(jobs.find("another-kind", queued.id())).isEmpty();
    }

    @Test
    void aRefusedFileEndsFailedWithItsRowErrorsAndAWorkThatThrowsAsFailedAsAWhole() throws Exception {
        var refused = jobs.start("test", "bad.csv", 3, "park",
                progress -> new Outcome.Refused(List.of(new RowError(2, "sku", "required"), new RowError(3, "", "x"))));
        var broken = jobs.start("test", "broken.csv", 3, "park", progress -> {
            throw new IllegalStateException("the database went away");
        });

        var failed = until(refused.id(), job -> job.state().finished());
        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.savedRows()).isZero();
        assertThat(failed.errors()).containsExactly(new RowError(2, "sku", "required"), new RowError(3, "", "x"));
        assertThat(until(broken.id(), job -> job.state().finished()).errors())
                .containsExactly(new RowError(0, "", "failed"));
    }

    @Test
    void aJobWhoseNodeStoppedRenewingItIsMarkedFailedAndARunningOneIsNot() throws Exception {
        // A job of a node that died mid-import: its heartbeat stopped three minutes ago (the lease is two).
        var dead = UUID.randomUUID();
        var stopped = Timestamp.from(clock.instant().minus(Duration.ofMinutes(3)));
        jdbc.sql("""
                INSERT INTO import_job (id, kind, file_name, state, total_rows, processed_rows, saved_rows, created_by,
                                        node, created_at, heartbeat_at)
                VALUES (?, 'test', 'big.xlsx', 'SAVING', 5000, 5000, 1200, 'park', 'was-gone', ?, ?)""")
                .params(dead.toString(), stopped, stopped).update();
        var release = new CountDownLatch(1);
        var alive = jobs.start("test", "alive.csv", 1, "park", progress -> {
            awaitQuietly(release);
            return new Outcome.Saved(1, Map.of());
        });
        // Its heartbeat is as old as the dead one's, until this node renews the jobs it runs.
        jdbc.sql("UPDATE import_job SET heartbeat_at = ? WHERE id = ?").params(stopped, alive.id().toString()).update();
        jobs.renewRunning();

        assertThat(leases.failExpired()).isGreaterThanOrEqualTo(1);

        var interrupted = jobs.find("test", dead).orElseThrow();
        assertThat(interrupted.state()).isEqualTo(State.FAILED);
        assertThat(interrupted.savedRows()).isZero();
        assertThat(interrupted.errors()).containsExactly(new RowError(0, "", "interrupted"));
        assertThat(interrupted.finishedAt()).isEqualTo(clock.instant());
        assertThat(jobs.find("test", alive.id()).orElseThrow().state().finished()).isFalse();

        release.countDown();
        assertThat(until(alive.id(), job -> job.state().finished()).state()).isEqualTo(State.SUCCEEDED);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
