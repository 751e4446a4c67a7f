package dev.onshore.edge.waitingroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CheckoutOutcomeUnitTests {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void anOrderPlacedSpendsThePass() {
        assertThat(outcome(201, "application/json", "{\"number\":\"O-1\"}")).isEqualTo(CheckoutOutcome.PLACED);
    }

    @Test
    void internalWasSayingSoldOutSpendsThePassAndClosesTheRoom() {
        assertThat(outcome(409, PROBLEM, "{\"type\":\"https://onshore.dev/problems/hot-deal/sold-out\",\"status\":409}"))
                .isEqualTo(CheckoutOutcome.SOLD_OUT);
    }

    @Test
    void aPurchaseRefusedForGoodSpendsThePass() {
        assertThat(outcome(409, PROBLEM, "{\"type\":\"https://onshore.dev/problems/hot-deal/over-limit\"}"))
                .isEqualTo(CheckoutOutcome.REFUSED);
        assertThat(outcome(409, PROBLEM, "{\"type\":\"https://onshore.dev/problems/hot-deal/not-open\"}"))
                .isEqualTo(CheckoutOutcome.REFUSED);
    }

    @Test
    void failuresAndRefusedRequestsGiveThePassBack() {
        assertThat(outcome(502, PROBLEM, "{\"type\":\"https://onshore.dev/problems/upstream-unavailable\"}"))
                .isEqualTo(CheckoutOutcome.FAILED);
        assertThat(outcome(504, PROBLEM, "{\"type\":\"https://onshore.dev/problems/upstream-timeout\"}"))
                .isEqualTo(CheckoutOutcome.FAILED);
        assertThat(outcome(500, "text/html", "<h1>error</h1>")).isEqualTo(CheckoutOutcome.FAILED);
        // A 5xx is a failure whatever its body says.
        assertThat(outcome(503, PROBLEM, "{\"type\":\"https://onshore.dev/problems/hot-deal/sold-out\"}"))
                .isEqualTo(CheckoutOutcome.FAILED);
        assertThat(outcome(409, PROBLEM, "{\"type\":\"https://onshore.dev/problems/idempotency-key/running\"}"))
                .isEqualTo(CheckoutOutcome.FAILED);
        assertThat(outcome(400, PROBLEM, "{\"type\":\"https://onshore.dev/problems/invalid-request\"}"))
                .isEqualTo(CheckoutOutcome.FAILED);
    }

    @Test
    void anAnswerThatIsNoProblemDocumentGivesThePassBack() {
        assertThat(outcome(409, PROBLEM, "not json")).isEqualTo(CheckoutOutcome.FAILED);
        assertThat(outcome(409, PROBLEM, "{\"type\":42}")).isEqualTo(CheckoutOutcome.FAILED);
        assertThat(outcome(409, null, "")).isEqualTo(CheckoutOutcome.FAILED);
        assertThat(outcome(409, "text/plain", "https://onshore.dev/problems/hot-deal/sold-out"))
                .isEqualTo(CheckoutOutcome.FAILED);
    }

    private static CheckoutOutcome outcome(int status, String contentType, String body) {
        return CheckoutOutcome.of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
