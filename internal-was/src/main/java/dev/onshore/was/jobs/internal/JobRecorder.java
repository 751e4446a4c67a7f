package dev.onshore.was.jobs.internal;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The one recorder around every {@code @Scheduled} method: Spring observes each scheduled run (Boot hands the
 * scheduler the observation registry), and this handler writes the run to {@code job_runs} when it stops. A failure
 * is always recorded; the scheduler still logs it, as it did before. A success is recorded when the job's previous
 * recorded run on this node failed or is older than {@code onshore.jobs.record-successes-every}: a job that runs
 * every second would otherwise write 86,400 rows a day. Recording never fails the job: a database that refuses the
 * row is logged.
 */
@Component
@EnableConfigurationProperties(JobProperties.class)
class JobRecorder implements ObservationHandler<ScheduledTaskObservationContext> {

    private static final Logger log = LoggerFactory.getLogger(JobRecorder.class);

    /** What this node recorded last for a job: when it started and whether it succeeded. */
    private record Recorded(Instant startedAt, boolean succeeded) {
    }

    private final JdbcJobRuns runs;
    private final Clock clock;
    private final Duration successesEvery;
    private final String node;
    private final ConcurrentMap<String, Recorded> lastRecorded = new ConcurrentHashMap<>();

    JobRecorder(JdbcJobRuns runs, Clock clock, JobProperties properties) {
        this.runs = runs;
        this.clock = clock;
        this.successesEvery = properties.recordSuccessesEvery();
        this.node = node();
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ScheduledTaskObservationContext;
    }

    @Override
    public void onStart(ScheduledTaskObservationContext context) {
        context.put(Instant.class, clock.instant());
    }

    @Override
    public void onStop(ScheduledTaskObservationContext context) {
        var startedAt = context.getOrDefault(Instant.class, clock.instant());
        var job = ClassUtils.getUserClass(context.getTargetClass()).getSimpleName() + "."
                + context.getMethod().getName();
        var failure = context.getError();
        var error = failure == null ? null : failure.getClass().getName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        var previous = lastRecorded.get(job);
        if (error == null && previous != null && previous.succeeded()
                && Duration.between(previous.startedAt(), startedAt).compareTo(successesEvery) < 0) {
            return;
        }
        try {
            runs.record(job, node, startedAt, clock.instant(), error);
            lastRecorded.put(job, new Recorded(startedAt, error == null));
        } catch (RuntimeException unrecorded) {
            log.warn("The run of {} that started at {} ({}) could not be recorded: {}", job, startedAt,
                    error == null ? "succeeded" : "failed", unrecorded.toString());
        }
    }

    /** This host's name, as the recorded runs and imports name the node. */
    static String node() {
        var host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
