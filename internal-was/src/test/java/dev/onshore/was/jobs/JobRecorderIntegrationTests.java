package dev.onshore.was.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onshore.was.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The recorder around {@code @Scheduled} methods, on MariaDB: a job that succeeds and one that throws, both run by
 * Spring's scheduler every 50 ms. Failures are recorded every time (and still logged); successes once per interval.
 */
@ApplicationModuleTest
@ActiveProfiles("it")
@Import(JobRecorderIntegrationTests.Jobs.class)
@ExtendWith(OutputCaptureExtension.class)
class JobRecorderIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    /** Two scheduled jobs of a test: one always succeeds, one always fails. */
    static class Ticker {

        final AtomicInteger ticks = new AtomicInteger();
        final AtomicInteger breaks = new AtomicInteger();

        @Scheduled(fixedDelay = 50)
        void tick() {
            ticks.incrementAndGet();
        }

        @Scheduled(fixedDelay = 50)
        void breakDown() {
            throw new IllegalStateException("ticker broke down #" + breaks.incrementAndGet());
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableScheduling
    static class Jobs {

        @Bean
        Ticker ticker() {
            return new Ticker();
        }
    }

    @Autowired
    Ticker ticker;

    @Autowired
    JobRuns runs;

    @Autowired
    JdbcClient jdbc;

    private long rows(String job, boolean succeeded) {
        return jdbc.sql("SELECT COUNT(*) FROM job_runs WHERE job = ? AND succeeded = ?").params(job, succeeded)
                .query(Long.class).single();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void everyFailureIsRecordedWithItsErrorAndStillLoggedWhileSuccessesAreRecordedOncePerInterval(
            CapturedOutput output) throws Exception {
        await("three failed runs", () -> rows("Ticker.breakDown", false) >= 3);
        await("many ticks", () -> ticker.ticks.get() >= 10);

        assertThat(rows("Ticker.tick", true)).as("successes within the 10 minutes: the first only").isEqualTo(1);
        assertThat(rows("Ticker.tick", false)).isZero();
        assertThat(rows("Ticker.breakDown", true)).isZero();

        var failures = runs.failuresSince(Instant.now().minus(Duration.ofMinutes(5)), 100).stream()
                .filter(run -> run.job().equals("Ticker.breakDown")).toList();
        assertThat(failures).hasSizeGreaterThanOrEqualTo(3).allSatisfy(run -> {
            assertThat(run.succeeded()).isFalse();
            assertThat(run.error()).startsWith("java.lang.IllegalStateException: ticker broke down #");
            assertThat(run.duration().isNegative()).isFalse();
            assertThat(run.node()).isNotBlank();
        });
        assertThat(failures.getFirst().startedAt()).as("newest first").isAfterOrEqualTo(failures.getLast().startedAt());
        assertThat(output.getAll()).as("the scheduler still logs the failure").containsPattern("ticker broke down #[0-9]+");

        var last = runs.lastOfEachJob();
        assertThat(last).extracting(JobRuns.JobRun::job).contains("Ticker.tick", "Ticker.breakDown").doesNotHaveDuplicates();
        assertThat(last).filteredOn(run -> run.job().equals("Ticker.tick")).singleElement()
                .satisfies(run -> assertThat(run.succeeded()).isTrue());
        assertThat(runs.latest("Ticker.tick", 10)).hasSize(1);
    }

    @Test
    void aRecordedRunCannotBeRewritten() throws Exception {
        await("a failed run", () -> rows("Ticker.breakDown", false) >= 1);
        assertThatThrownBy(() -> jdbc.sql("UPDATE job_runs SET succeeded = TRUE WHERE job = 'Ticker.breakDown'")
                .update()).hasMessageContaining("append-only");
    }
}
