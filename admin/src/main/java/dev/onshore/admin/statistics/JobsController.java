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
 * each and the latest runs with status, start, duration and error. ADMIN, FINANCE and VIEWER read it (see
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

        /** "820 ms", "3.4 s", "2 min 5 s". */
        public String readableDuration() {
            long millis = duration.toMillis();
            if (millis < 1000) {
                return millis + " ms";
            }
            if (millis < 60_000) {
                return millis / 1000 + "." + millis % 1000 / 100 + " s";
            }
            return millis / 60_000 + " min " + millis % 60_000 / 1000 + " s";
        }
    }

    record Jobs(List<JobRun> jobs, List<JobRun> runs) {
    }

    private final RestClient http;

    JobsController(RestClient http) {
        this.http = http;
    }

    @GetMapping("/jobs")
    @PreAuthorize(Access.JOBS_READ)
    String jobs(Model model, Locale locale) {
        var jobs = http.get().uri("/api/admin/jobs").header(HttpHeaders.ACCEPT_LANGUAGE, locale.getLanguage())
                .retrieve().body(Jobs.class);
        model.addAttribute("jobs", jobs == null ? new Jobs(List.of(), List.of()) : jobs);
        return "statistics/jobs";
    }
}
