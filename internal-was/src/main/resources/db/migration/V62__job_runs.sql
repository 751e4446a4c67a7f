-- Issue 13: the runs of the scheduled jobs, one row per recorded run (JobRecorder, around every @Scheduled method):
-- failures always, successes at most every few minutes per job and node. A run is a fact: never updated.
CREATE TABLE job_runs (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  job         VARCHAR(200)  NOT NULL,
  node        VARCHAR(100)  NOT NULL,
  started_at  TIMESTAMP(6)  NOT NULL,
  finished_at TIMESTAMP(6)  NOT NULL,
  succeeded   BOOLEAN       NOT NULL,
  error       VARCHAR(2000) NULL,
  INDEX ix_job_runs_job (job, started_at),
  INDEX ix_job_runs_time (started_at),
  INDEX ix_job_runs_failed (succeeded, started_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER job_runs_no_update BEFORE UPDATE ON job_runs FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'job_runs is append-only';
