package dev.onshore.was.cart.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.was.ShopTestSupport;
import dev.onshore.was.TestClock;
import dev.onshore.was.security.BearerTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A cart records when it was created, changed and its lines added on the application's clock. */
@Import(TestClock.Configuration.class)
class CartTimesIntegrationTests extends ShopTestSupport {

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCartIsCreatedAndChangedAtTheApplicationsTime() throws Exception {
        var created = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        clock.set(created);
        try {
            var token = cart("ID");
            var changed = created.plus(Duration.ofMinutes(5));
            clock.set(changed);
            assertStatus(add(token, "HS-PROPOLIS-CAPS", 1), 200);

            var times = jdbc.sql("SELECT created_at, updated_at FROM cart WHERE token_hash = ?")
                    .param(BearerTokens.hash(token))
                    .query((rs, row) -> List.of(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
                    .single();
            assertThat(times).containsExactly(created, changed);
            assertThat(jdbc.sql("""
                    SELECT l.added_at FROM cart_line l JOIN cart c ON c.id = l.cart_id WHERE c.token_hash = ?""")
                    .param(BearerTokens.hash(token)).query((rs, row) -> rs.getTimestamp(1).toInstant()).single())
                    .isEqualTo(changed);
        } finally {
            clock.set(Instant.now());
        }
    }
}
