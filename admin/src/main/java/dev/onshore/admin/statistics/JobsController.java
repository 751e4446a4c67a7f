package dev.onshore.admin.statistics;

import dev.onshore.admin.Access;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.client.RestClient;

/**
 * The scheduled jobs of the internal WAS (unpaid orders, stock reservations, search index, purges): the last run of
 * each and the latest runs with status, start, duration and error; and the latest file imports operators started
 * (running or finished, with who started them). ADMIN, FINANCE and VIEWER read it (see
 * {@link Access#JOBS_READ}); nobody changes anything here.
 */
@Controller
class JobsController {

    /**
     * One recorded run.
     *
     * @param error the exception and its message, null for a success
     */
    record JobRun(long id, String job, String node, Instant startedAt, Duration duration, boolean succeeded,
            @Nullable String error) {

        /** "820 ms", "3.4 s", "2 min 5 s", "3 h 20 min", "2 d 4 h". */
        public String readableDuration() {
            long millis = duration.toMillis();
            if (millis < 1000) {
                return millis + " ms";
            }
            if (millis < 60_000) {
                return millis / 1000 + "." + millis % 1000 / 100 + " s";
            }
            if (millis < 3_600_000) {
                return millis / 60_000 + " min " + millis % 60_000 / 1000 + " s";
            }
            if (millis < 86_400_000) {
                return duration.toHours() + " h " + duration.toMinutesPart() + " min";
            }
            return duration.toDays() + " d " + duration.toHoursPart() + " h";
        }
    }

    /**
     * A file import an operator started (products, marketplace orders): running until {@code finishedAt}.
     *
     * @param kind {@code product} or {@code marketplace-order}
     */
    record ImportRun(String id, String kind, String fileName, String state, int totalRows, int processedRows,
            int savedRows, String createdBy, Instant createdAt, @Nullable Instant finishedAt) {

        public boolean running() {
            return finishedAt == null;
        }

        public boolean succeeded() {
            return "SUCCEEDED".equals(state);
        }

        /** How long it ran, or has been running until {@code now}. */
        public String readableDuration(Instant now) {
            return new JobRun(0, kind, "", createdAt, Duration.between(createdAt, finishedAt == null ? now : finishedAt),
                    true, null).readableDuration();
        }
    }

    record Jobs(List<JobRun> jobs, List<JobRun> runs, @Nullable List<ImportRun> imports) {
    }

    private final RestClient http;
    private final java.time.Clock clock;

    JobsController(RestClient http, java.time.Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @GetMapping("/jobs")
    @PreAuthorize(Access.JOBS_READ)
    String jobs(Model model, Locale locale) {
        var jobs = http.get().uri("/api/admin/jobs").header(HttpHeaders.ACCEPT_LANGUAGE, locale.getLanguage())
                .retrieve().body(Jobs.class);
        model.addAttribute("jobs", jobs == null ? new Jobs(List.of(), List.of(), List.of()) : jobs);
        model.addAttribute("imports", jobs == null || jobs.imports() == null ? List.of() : jobs.imports());
        model.addAttribute("now", clock.instant());
        return "statistics/jobs";
    }
}
