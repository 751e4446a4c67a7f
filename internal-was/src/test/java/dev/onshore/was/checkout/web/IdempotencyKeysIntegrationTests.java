package dev.onshore.was.checkout.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.was.ShopTestSupport;
import dev.onshore.was.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** Idempotency keys are kept {@link IdempotencyKeys#KEPT} on the application's clock, then forgotten. */
@Import(TestClock.Configuration.class)
class IdempotencyKeysIntegrationTests extends ShopTestSupport {

    private static final String SCOPE = "clock-test";

    @Autowired
    IdempotencyKeys keys;

    @Autowired
    TestClock clock;

    @Test
    void aKeyExpiresWhenTheApplicationsClockPassesItsKeepingTime() {
        var key = UUID.randomUUID().toString();
        try {
            assertThat(keys.claim(SCOPE, key, "first body").kind()).isEqualTo(IdempotencyKeys.Claim.Kind.CLAIMED);
            keys.complete(SCOPE, key, new IdempotencyKeys.Stored(201, "application/json", "{}"));

            clock.advance(IdempotencyKeys.KEPT.minus(Duration.ofMinutes(1)));
            keys.purge();
            assertThat(keys.claim(SCOPE, key, "second body").kind())
                    .isEqualTo(IdempotencyKeys.Claim.Kind.MISMATCH);

            clock.advance(Duration.ofMinutes(2));
            keys.purge();
            assertThat(keys.claim(SCOPE, key, "second body").kind()).isEqualTo(IdempotencyKeys.Claim.Kind.CLAIMED);
        } finally {
            keys.forget(SCOPE, key);
            clock.set(Instant.now());
        }
    }
}
