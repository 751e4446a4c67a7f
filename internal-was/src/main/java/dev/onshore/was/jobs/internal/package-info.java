/** The batch jobs' insides: the recorder around every scheduled run and the {@code job_runs} table. */
@NullMarked
package dev.onshore.was.jobs.internal;

import org.jspecify.annotations.NullMarked;
