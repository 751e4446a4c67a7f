package dev.onshore.edge.waitingroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HotDealFeedUnitTests {

    @Test
    void anUnreachableFeedIsReportedOnceWhenItStartsFailingAndOnceWhenItAnswersAgain() {
        var properties = new WaitingRoomProperties(true, "http://127.0.0.1:9/api/shop/v1/hot-deals",
                Duration.ofSeconds(5), Duration.ofMinutes(10), "", Duration.ofMinutes(10), 4, Duration.ofSeconds(2),
                Duration.ofMinutes(2));
        var feed = new HotDealFeed(properties, null);

        assertThat(feed.read()).as("a first read that works is no recovery").isFalse();
        assertThat(feed.failed()).as("internal-was stops answering: said").isTrue();
        assertThat(feed.failed()).as("every 5 s while it stays away: not said again").isFalse();
        assertThat(feed.failed()).isFalse();
        assertThat(feed.read()).as("it answers again: said").isTrue();
        assertThat(feed.read()).isFalse();
        assertThat(feed.failed()).as("a new outage is said again").isTrue();
    }
}
