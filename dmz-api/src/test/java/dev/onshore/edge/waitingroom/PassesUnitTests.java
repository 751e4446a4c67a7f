package dev.onshore.edge.waitingroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PassesUnitTests {

    private final Passes passes = new Passes("unit-test-key-0123456789abcdef-0123".getBytes(StandardCharsets.UTF_8));
    private final Instant now = Instant.parse("2026-12-02T09:00:00Z");

    @Test
    void aGenuinePassOfThisDealForThisClientIsAccepted() {
        var pass = passes.pass("deal-1", 42, now.plusSeconds(60), "203.0.113.9");

        assertThat(passes.verifyPass(pass, "deal-1", "203.0.113.9", now)).hasValue(42);
    }

    @Test
    void aPassIsRefusedForAnotherClientAnotherDealOrOnceExpired() {
        var pass = passes.pass("deal-1", 42, now.plusSeconds(60), "203.0.113.9");

        assertThat(passes.verifyPass(pass, "deal-1", "203.0.113.10", now)).isEmpty();
        assertThat(passes.verifyPass(pass, "deal-2", "203.0.113.9", now)).isEmpty();
        assertThat(passes.verifyPass(pass, "deal-1", "203.0.113.9", now.plusSeconds(60))).isEmpty();
    }

    @Test
    void aTamperedOrForeignPassIsRefused() {
        var pass = passes.pass("deal-1", 42, now.plusSeconds(60), "c");
        var later = now.plusSeconds(3600).getEpochSecond();
        var foreign = new Passes("another-key-0123456789abcdef-012345".getBytes(StandardCharsets.UTF_8));

        assertThat(passes.verifyPass(pass.replace(".42.", ".1."), "deal-1", "c", now)).isEmpty();
        assertThat(passes.verifyPass(pass.replaceFirst("\\.\\d+\\.([^.]+)$", "." + later + ".$1"), "deal-1", "c", now))
                .isEmpty();
        assertThat(passes.verifyPass(foreign.pass("deal-1", 42, now.plusSeconds(60), "c"), "deal-1", "c", now))
                .isEmpty();
        assertThat(passes.verifyPass("p1.deal-1.42", "deal-1", "c", now)).isEmpty();
        assertThat(passes.verifyPass("p1.deal-1.-1.99999999999.x", "deal-1", "c", now)).isEmpty();
    }

    @Test
    void aTicketIsNotAPassAndAPassIsNotATicket() {
        var ticket = passes.ticket("deal-1", 7, "c");
        var pass = passes.pass("deal-1", 7, now.plusSeconds(60), "c");

        assertThat(passes.verifyTicket(ticket, "deal-1", "c")).hasValue(7);
        assertThat(passes.verifyTicket(ticket, "deal-1", "d")).isEmpty();
        assertThat(passes.verifyPass(ticket, "deal-1", "c", now)).isEmpty();
        assertThat(passes.verifyTicket(pass, "deal-1", "c")).isEmpty();
    }

    @Test
    void noneOfAThousandTamperedPassesIsAccepted() {
        var random = new java.util.Random(12);
        var genuine = passes.pass("deal-1", 42, now.plusSeconds(600), "203.0.113.9");
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        int accepted = 0;
        for (int i = 0; i < 1000; i++) {
            var chars = genuine.toCharArray();
            int at = random.nextInt(chars.length);
            char replacement;
            do {
                replacement = alphabet.charAt(random.nextInt(alphabet.length()));
            } while (replacement == chars[at]);
            chars[at] = replacement;
            if (passes.verifyPass(new String(chars), "deal-1", "203.0.113.9", now).isPresent()) {
                accepted++;
            }
        }

        assertThat(accepted).isZero();
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Passes(new byte[16]));
    }
}
