package dev.onshore.was.accounts.internal;

import dev.onshore.was.accounts.ShopperAccounts;
import dev.onshore.was.pii.PiiAttributeConverter;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The record of erasure requests ({@code account_erasure}); the confirmation's address encrypted until sent. */
@Repository
class Erasures {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final PiiAttributeConverter pii;

    Erasures(JdbcClient jdbc, JdbcTemplate template, PiiAttributeConverter pii) {
        this.jdbc = jdbc;
        this.template = template;
        this.pii = pii;
    }

    long record(String subject, Instant now, int addresses, int orders, @Nullable String email, String language) {
        var keys = new GeneratedKeyHolder();
        var encrypted = pii.convertToDatabaseColumn(email);
        template.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO account_erasure (subject, requested_at, addresses_deleted, orders_anonymised, email,
                      language) VALUES (?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
            insert.setString(1, subject);
            insert.setTimestamp(2, Timestamp.from(now));
            insert.setInt(3, addresses);
            insert.setInt(4, orders);
            insert.setString(5, encrypted);
            insert.setString(6, language);
            return insert;
        }, keys);
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    /** Whether the account of {@code subject} was erased (a realm subject is never given out again). */
    boolean erased(String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM account_erasure WHERE subject = ?").param(subject).query(Long.class)
                .single() > 0;
    }

    Optional<ShopperAccounts.ErasureRecipient> recipient(long id) {
        return jdbc.sql("SELECT email, language FROM account_erasure WHERE id = ? AND email IS NOT NULL").param(id)
                .query((rs, row) -> new ShopperAccounts.ErasureRecipient(
                        Objects.requireNonNull(pii.convertToEntityAttribute(rs.getString("email"))),
                        rs.getString("language")))
                .optional();
    }

    /** The subject of erasure {@code id} while its realm user is still to be removed; empty once it was. */
    Optional<String> pendingSubject(long id) {
        return jdbc.sql("SELECT subject FROM account_erasure WHERE id = ? AND identity_done_at IS NULL").param(id)
                .query(String.class).optional();
    }

    void identityDone(long id, Instant at) {
        jdbc.sql("UPDATE account_erasure SET identity_done_at = ? WHERE id = ?").param(Timestamp.from(at)).param(id)
                .update();
    }

    void forgetRecipient(long id) {
        jdbc.sql("UPDATE account_erasure SET email = NULL WHERE id = ?").param(id).update();
    }
}
