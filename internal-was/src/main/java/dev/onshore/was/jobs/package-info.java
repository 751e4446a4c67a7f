/**
 * Batch jobs: every run of every {@code @Scheduled} method of this application, as one recorder around them all saw
 * it (start, duration, success or the error), kept in {@code job_runs} for the operators' batch-job screen and the
 * dashboard's failures panel; and the operators' file imports, which run in the background with their progress in
 * {@code import_job} ({@link dev.onshore.was.jobs.ImportJobs}).
 */
@NullMarked
@ApplicationModule(displayName = "Batch jobs", allowedDependencies = {"adminapi"})
package dev.onshore.was.jobs;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
