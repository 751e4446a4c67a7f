package dev.onshore.was.accounts.internal;

import dev.onshore.was.pii.PiiAttributeConverter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The customer side of {@code shopper_profile}: the e-mail address (encrypted) with its blind index, logins, the
 * blacklist. Look-ups by address go through the index only; values are decrypted for the rows shown, never to search.
 */
@Repository
class CustomerRecords {

    /** A row as stored; personal values still encrypted. */
    record Row(String subject, @Nullable String email, @Nullable String name, @Nullable String phone,
            @Nullable String market, @Nullable String locale, @Nullable Instant createdAt,
            @Nullable Instant lastLoginAt, Instant updatedAt, boolean blocked, @Nullable String blockReason,
            @Nullable String blockChangedBy, @Nullable Instant blockChangedAt, long version) {
    }

    private static final String RECENT_FIRST =
            " ORDER BY COALESCE(last_login_at, created_at, updated_at) DESC, subject LIMIT ? OFFSET ?";

    private final JdbcClient jdbc;
    private final PiiAttributeConverter pii;

    CustomerRecords(JdbcClient jdbc, PiiAttributeConverter pii) {
        this.jdbc = jdbc;
        this.pii = pii;
    }

    /** The blind index of an address: trimmed and lower-cased first, so that the search ignores case. */
    String emailIndex(String email) {
        return pii.blindIndex(email.strip().toLowerCase(Locale.ROOT));
    }

    /** Records the login on the (locked) row; keeps the stored address when the realm sent none. */
    void recordLogin(String subject, @Nullable String email, Instant now) {
        if (email == null || email.isBlank()) {
            jdbc.sql("UPDATE shopper_profile SET last_login_at = ? WHERE subject = ?")
                    .params(Timestamp.from(now), subject).update();
            return;
        }
        jdbc.sql("UPDATE shopper_profile SET last_login_at = ?, email = ?, email_index = ? WHERE subject = ?")
                .params(Timestamp.from(now), pii.convertToDatabaseColumn(email.strip()), emailIndex(email), subject)
                .update();
    }

    Optional<Row> find(String subject) {
        return jdbc.sql("SELECT * FROM shopper_profile WHERE subject = ?").param(subject).query(CustomerRecords::row)
                .optional();
    }

    List<Row> page(@Nullable String emailIndex, @Nullable String subject, int page, int size) {
        return jdbc.sql("SELECT * FROM shopper_profile" + where(emailIndex, subject) + RECENT_FIRST)
                .params(params(emailIndex, subject, List.of(size, page * size))).query(CustomerRecords::row).list();
    }

    long count(@Nullable String emailIndex, @Nullable String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM shopper_profile" + where(emailIndex, subject))
                .params(params(emailIndex, subject, List.of())).query(Long.class).single();
    }

    /** Whether the account this address's index belongs to is blacklisted, or was when it was erased. */
    boolean blockedByEmail(String emailIndex) {
        return jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM shopper_profile WHERE email_index = ? AND blocked)
                     + (SELECT COUNT(*) FROM blacklisted_email WHERE email_index = ?)""")
                .params(emailIndex, emailIndex).query(Long.class).single() > 0;
    }

    /**
     * Keeps the blacklisting of a profile about to be erased, by its address's blind index only (the address and
     * the subject go); nothing when the profile is not blacklisted or never recorded an address.
     *
     * @return whether a blacklisting was kept
     */
    boolean keepBlacklistBeyondErasure(String subject, Instant now) {
        return jdbc.sql("""
                INSERT INTO blacklisted_email (email_index, reason, blocked_by, blocked_at, erased_at)
                SELECT email_index, block_reason, block_changed_by, block_changed_at, ? FROM shopper_profile
                 WHERE subject = ? AND blocked AND email_index IS NOT NULL
                ON DUPLICATE KEY UPDATE reason = VALUES(reason), blocked_by = VALUES(blocked_by),
                  blocked_at = VALUES(blocked_at), erased_at = VALUES(erased_at)""")
                .params(Timestamp.from(now), subject).update() > 0;
    }

    /** Blacklists an address by its index (a guest's): checkout refuses it, a new account starts blacklisted. */
    void blacklistAddress(String emailIndex, String reason, String operator, Instant now) {
        jdbc.sql("""
                INSERT INTO blacklisted_email (email_index, reason, blocked_by, blocked_at, erased_at)
                VALUES (?, ?, ?, ?, NULL)
                ON DUPLICATE KEY UPDATE reason = VALUES(reason), blocked_by = VALUES(blocked_by),
                  blocked_at = VALUES(blocked_at)""")
                .params(emailIndex, reason, operator, Timestamp.from(now)).update();
    }

    /** Lifts the blacklisting of an address kept by its index (a guest's, or an erased account's). */
    void liftAddressBlacklist(String emailIndex) {
        jdbc.sql("DELETE FROM blacklisted_email WHERE email_index = ?").param(emailIndex).update();
    }

    /** The reason an erased account or a guest with this address's index was blacklisted for, if one was. */
    Optional<String> blacklistedBeforeErasure(String emailIndex) {
        return jdbc.sql("SELECT COALESCE(reason, '') FROM blacklisted_email WHERE email_index = ?").param(emailIndex)
                .query(String.class).optional();
    }

    /** Forgets the kept blacklisting of the address of {@code subject} (its account's blacklist was lifted). */
    void forgetBlacklistBeyondErasure(String subject) {
        jdbc.sql("""
                DELETE FROM blacklisted_email WHERE email_index =
                  (SELECT email_index FROM shopper_profile WHERE subject = ?)""").param(subject).update();
    }

    boolean blocked(String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM shopper_profile WHERE subject = ? AND blocked").param(subject)
                .query(Long.class).single() > 0;
    }

    /** Changes the blacklist flag if the row is still at {@code version}; false when it is not (or is gone). */
    boolean block(String subject, boolean blocked, String reason, String operator, Instant now, long version) {
        return jdbc.sql("""
                UPDATE shopper_profile SET blocked = ?, block_reason = ?, block_changed_by = ?, block_changed_at = ?,
                  version = version + 1 WHERE subject = ? AND version = ?""")
                .params(blocked, reason, operator, Timestamp.from(now), subject, version).update() == 1;
    }

    private static String where(@Nullable String emailIndex, @Nullable String subject) {
        if (emailIndex != null) {
            return subject != null ? " WHERE email_index = ? AND subject = ?" : " WHERE email_index = ?";
        }
        return subject != null ? " WHERE subject = ?" : "";
    }

    private static List<Object> params(@Nullable String emailIndex, @Nullable String subject, List<Object> tail) {
        var all = new java.util.ArrayList<Object>();
        if (emailIndex != null) {
            all.add(emailIndex);
        }
        if (subject != null) {
            all.add(subject);
        }
        all.addAll(tail);
        return all;
    }

    private static Row row(ResultSet rs, int number) throws SQLException {
        return new Row(rs.getString("subject"), rs.getString("email"), rs.getString("display_name"),
                rs.getString("phone"), rs.getString("market"), rs.getString("locale"), instant(rs, "created_at"),
                instant(rs, "last_login_at"), rs.getTimestamp("updated_at").toInstant(), rs.getBoolean("blocked"),
                rs.getString("block_reason"), rs.getString("block_changed_by"), instant(rs, "block_changed_at"),
                rs.getLong("version"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
