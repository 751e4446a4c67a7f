package dev.onshore.admin.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobRunDurationsUnitTests {

    private static String readable(Duration duration) {
        return new JobsController.JobRun(1, "rates-import", "was1", Instant.EPOCH, duration, true, null)
                .readableDuration();
    }

    @Test
    void aDurationIsReadInTheUnitsThatFitIt() {
        assertThat(readable(Duration.ofMillis(820))).isEqualTo("820 ms");
        assertThat(readable(Duration.ofMillis(3_450))).isEqualTo("3.4 s");
        assertThat(readable(Duration.ofSeconds(125))).isEqualTo("2 min 5 s");
        assertThat(readable(Duration.ofMinutes(200).plusSeconds(59))).as("not 200 min").isEqualTo("3 h 20 min");
        assertThat(readable(Duration.ofHours(52).plusMinutes(10))).as("an import left running for days")
                .isEqualTo("2 d 4 h");
    }
}
