package dev.onshore.was.jobs.web;

import dev.onshore.was.adminapi.AdminAccess;
import dev.onshore.was.adminapi.InvalidInputException;
import dev.onshore.was.adminapi.OperatorRole;
import dev.onshore.was.jobs.ImportJobs;
import dev.onshore.was.jobs.JobRuns;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The scheduled jobs' runs for operators. FINANCE reads them too: no run holds anything more sensitive than a job's
 * name and error, and a scheduled exchange-rate import would be finance's to watch.
 */
@RestController
@AdminAccess(OperatorRole.FINANCE)
class JobsAdminController {

    /**
     * The last run of each job, then the latest runs (of one job when asked), and the latest file imports (running
     * or finished, with who started them; without their row errors).
     */
    record Jobs(List<JobRuns.JobRun> jobs, List<JobRuns.JobRun> runs, List<ImportJobs.ImportJob> imports) {
    }

    static final int IMPORTS = 20;

    private final JobRuns runs;
    private final ImportJobs imports;

    JobsAdminController(JobRuns runs, ImportJobs imports) {
        this.runs = runs;
        this.imports = imports;
    }

    @GetMapping("/api/admin/jobs")
    Jobs jobs(@RequestParam(required = false) @Nullable String job,
            @RequestParam(defaultValue = "100") String limit) {
        int count;
        try {
            count = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("limit", "pattern");
        }
        if (count < 1 || count > 500) {
            throw new InvalidInputException("limit", "range");
        }
        var name = job == null || job.isBlank() ? null : job.strip();
        if (name != null && !name.matches("[A-Za-z0-9_$.]{1,200}")) {
            throw new InvalidInputException("job", "pattern");
        }
        return new Jobs(runs.lastOfEachJob(), runs.latest(name, count), imports.latest(IMPORTS));
    }
}
