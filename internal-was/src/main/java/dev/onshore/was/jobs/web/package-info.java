/** The batch jobs' admin API: the last run of each job and the latest runs. */
@NullMarked
package dev.onshore.was.jobs.web;

import org.jspecify.annotations.NullMarked;
