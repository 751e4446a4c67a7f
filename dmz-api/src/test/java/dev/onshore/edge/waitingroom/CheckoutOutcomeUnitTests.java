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
        assertThat(problem(409, "hot-deal/over-limit")).isEqualTo(CheckoutOutcome.REFUSED);
        assertThat(problem(409, "hot-deal/not-open")).isEqualTo(CheckoutOutcome.REFUSED);
    }

    @Test
    void failuresAndRefusedRequestsGiveThePassBack() {
        assertThat(problem(502, "upstream-unavailable")).isEqualTo(CheckoutOutcome.FAILED);
        assertThat(problem(504, "upstream-timeout")).isEqualTo(CheckoutOutcome.FAILED);
        assertThat(outcome(500, "text/html", "<h1>error</h1>")).isEqualTo(CheckoutOutcome.FAILED);
        // A 5xx is a failure whatever its body says.
        assertThat(problem(503, "hot-deal/sold-out")).isEqualTo(CheckoutOutcome.FAILED);
        assertThat(problem(409, "idempotency-key/running")).isEqualTo(CheckoutOutcome.FAILED);
        assertThat(problem(400, "invalid-request")).isEqualTo(CheckoutOutcome.FAILED);
    }

    @Test
    void anAnswerThatIsNoProblemDocumentGivesThePassBack() {
        assertThat(outcome(409, PROBLEM, "not json")).isEqualTo(CheckoutOutcome.FAILED);
        assertThat(outcome(409, PROBLEM, "{\"type\":42}")).isEqualTo(CheckoutOutcome.FAILED);
        assertThat(outcome(409, null, "")).isEqualTo(CheckoutOutcome.FAILED);
        assertThat(outcome(409, "text/plain", "https://onshore.dev/problems/hot-deal/sold-out"))
                .isEqualTo(CheckoutOutcome.FAILED);
    }

    /** The outcome of a problem document of type {@code https://onshore.dev/problems/<type>}, nothing else in it. */
    private static CheckoutOutcome problem(int status, String type) {
        return outcome(status, PROBLEM, "{\"type\":\"https://onshore.dev/problems/" + type + "\"}");
    }

    private static CheckoutOutcome outcome(int status, String contentType, String body) {
        return CheckoutOutcome.of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
