package dev.onshore.was.jobs.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param recordSuccessesEvery a job's success is recorded when its last recorded run on this node is older than this
 *     (or failed); failures are always recorded
 */
@Validated
@ConfigurationProperties("onshore.jobs")
record JobProperties(@DefaultValue("PT10M") Duration recordSuccessesEvery) {
}
