package dev.onshore.was.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Claims with a token and a lease, in a table of the caller's with the columns {@code state} ({@code RUNNING},
 * {@code EFFECTED}, {@code DONE}), {@code created_at}, {@code claim_token} and {@code lease_until} beside its key.
 *
 * <p>The rules, the same for every such table:
 * <ul>
 * <li>A run claims a key by inserting its row {@code RUNNING} with a fresh token and a lease
 * ({@code onshore.checkout.idempotency-lease}, 30 s); a second run of the same key finds the row instead.</li>
 * <li>A run records what it did ({@link #record}) in the transaction that does it, as its last statement, fenced by
 * its token: {@code EFFECTED} with what it made. Refused when another run took the key over: the caller then rolls
 * its effect back, so two runs never both take effect.</li>
 * <li>A row whose lease ran out belonged to a run whose node died (or stalled past it): another run may
 * {@linkplain #takeOver take it over}, by a compare-and-set on the old token (of two retries, one wins). A row
 * without a token was claimed by a node of a version before leases, which records nothing it did and may still be at
 * work during a rolling upgrade: never taken over.</li>
 * <li>A run that failed without effect {@linkplain #release releases} its claim, unless another run holds it now.</li>
 * </ul>
 */
@Component
public class LeasedClaims {

    private static final Pattern NAME = Pattern.compile("[a-z_]{1,64}");

    /**
     * A table of claims and the columns of its key.
     *
     * @param name the table ({@code idempotency_key})
     * @param keyColumns the columns that identify a claim ({@code scope, idem_key})
     */
    public record Table(String name, List<String> keyColumns) {

        public Table {
            keyColumns = List.copyOf(keyColumns);
            if (!NAME.matcher(name).matches() || keyColumns.isEmpty()
                    || !keyColumns.stream().allMatch(column -> NAME.matcher(column).matches())) {
                throw new IllegalArgumentException("Not a table of claims: " + name + " " + keyColumns);
            }
        }

        String where() {
            return String.join(" AND ", keyColumns.stream().map(column -> column + " = ?").toList());
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lease;

    LeasedClaims(JdbcClient jdbc, Clock clock,
            @Value("${onshore.checkout.idempotency-lease:PT30S}") Duration lease) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lease = lease;
    }

    /**
     * Claims the key for a new run: its row, {@code RUNNING}, with {@code columns} besides the key (a request's
     * hash). Returns the run's token, or null when the key is claimed already (read its row to know by whom).
     */
    public @Nullable String claim(Table table, List<?> key, Map<String, ?> columns) {
        var now = clock.instant();
        var token = UUID.randomUUID().toString();
        var values = new LinkedHashMap<String, Object>();
        for (int i = 0; i < table.keyColumns().size(); i++) {
            values.put(table.keyColumns().get(i), key.get(i));
        }
        columns.forEach((column, value) -> values.put(requireName(column), value));
        values.put("state", "RUNNING");
        values.put("created_at", Timestamp.from(now));
        values.put("claim_token", token);
        values.put("lease_until", Timestamp.from(now.plus(lease)));
        try {
            jdbc.sql("INSERT INTO " + table.name() + " (" + String.join(", ", values.keySet()) + ") VALUES ("
                    + String.join(", ", values.keySet().stream().map(column -> "?").toList()) + ")")
                    .params(new ArrayList<>(values.values())).update();
            return token;
        } catch (DuplicateKeyException e) {
            return null;
        }
    }

    /** Whether a row claimed with {@code token} until {@code leaseUntil} may be taken over now. */
    public boolean expired(@Nullable String token, @Nullable Timestamp leaseUntil) {
        return expired(token, leaseUntil == null ? null : leaseUntil.toInstant(), clock.instant());
    }

    static boolean expired(@Nullable String token, @Nullable Instant leaseUntil, Instant now) {
        return token != null && leaseUntil != null && !leaseUntil.isAfter(now);
    }

    /**
     * Takes over the row a run holding {@code token} left in {@code state}, with a fresh token and lease: the new
     * token, or null when another run took it first (or it changed meanwhile: read it again).
     */
    public @Nullable String takeOver(Table table, List<?> key, String state, @Nullable String token) {
        var taken = UUID.randomUUID().toString();
        var params = new ArrayList<Object>(List.of(taken, Timestamp.from(clock.instant().plus(lease))));
        params.addAll(key);
        params.add(state);
        params.add(token);
        return jdbc.sql("UPDATE " + table.name() + " SET claim_token = ?, lease_until = ? WHERE " + table.where()
                + " AND state = ? AND claim_token <=> ?").params(params).update() == 1 ? taken : null;
    }

    /**
     * Records, in the transaction of the run's effect and as its last statement, what the run holding {@code token}
     * did ({@code EFFECTED} with {@code effect}'s columns). False when the key was taken over meanwhile: the caller
     * must then roll its transaction back.
     */
    public boolean record(Table table, List<?> key, String token, Map<String, ?> effect) {
        var params = new ArrayList<Object>();
        var sets = new ArrayList<String>(List.of("state = 'EFFECTED'"));
        effect.forEach((column, value) -> {
            sets.add(requireName(column) + " = ?");
            params.add(value);
        });
        params.addAll(key);
        params.add(token);
        return jdbc.sql("UPDATE " + table.name() + " SET " + String.join(", ", sets) + " WHERE " + table.where()
                + " AND claim_token = ? AND state = 'RUNNING'").params(params).update() == 1;
    }

    /** Frees the claim of the run holding {@code token} (it took no effect), unless another run holds it now. */
    public void release(Table table, List<?> key, String token) {
        var params = new ArrayList<Object>(key);
        params.add(token);
        jdbc.sql("DELETE FROM " + table.name() + " WHERE " + table.where() + " AND claim_token = ? AND state <> 'DONE'")
                .params(params).update();
    }

    /** Forgets the claims made longer than {@code kept} ago. */
    public void purge(Table table, Duration kept) {
        jdbc.sql("DELETE FROM " + table.name() + " WHERE created_at < ?")
                .param(Timestamp.from(clock.instant().minus(kept))).update();
    }

    private static String requireName(String column) {
        if (!NAME.matcher(column).matches()) {
            throw new IllegalArgumentException("Not a column: " + column);
        }
        return column;
    }
}
