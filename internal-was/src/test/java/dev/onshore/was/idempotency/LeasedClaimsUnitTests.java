package dev.onshore.was.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lease rule and the table names the SQL is built from, without a database. */
class LeasedClaimsUnitTests {

    private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");

    @Test
    void aClaimMayBeTakenOverOnceItsLeaseRanOutAndNeverWithoutAToken() {
        assertThat(LeasedClaims.expired("token", NOW.minusSeconds(1), NOW)).isTrue();
        assertThat(LeasedClaims.expired("token", NOW, NOW)).isTrue();
        assertThat(LeasedClaims.expired("token", NOW.plusSeconds(1), NOW)).isFalse();
        // Claimed by a node of a version before leases: it records nothing it did, so it is never taken over.
        assertThat(LeasedClaims.expired(null, NOW.minusSeconds(3600), NOW)).isFalse();
        assertThat(LeasedClaims.expired("token", null, NOW)).isFalse();
    }

    @Test
    void tablesAndColumnsAreNamesNotSql() {
        assertThat(new LeasedClaims.Table("idempotency_key", List.of("scope", "idem_key")).where())
                .isEqualTo("scope = ? AND idem_key = ?");
        assertThatIllegalArgumentException().isThrownBy(() -> new LeasedClaims.Table("t; DROP TABLE x", List.of("k")));
        assertThatIllegalArgumentException().isThrownBy(() -> new LeasedClaims.Table("t", List.of("k = 1 OR 1")));
        assertThatIllegalArgumentException().isThrownBy(() -> new LeasedClaims.Table("t", List.of()));
    }
}
