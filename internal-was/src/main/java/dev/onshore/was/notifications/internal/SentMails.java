package dev.onshore.was.notifications.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger of mails, one row per event and kind of mail: claimed ({@code SENDING}) before the mail goes out, then
 * {@code SENT}. Each method is one short statement or transaction; none is ever open while the relay is talked to.
 */
@Repository
class SentMails {

    /** What {@link #claim} found. */
    enum Claim {
        /** The mail is ours to send: the row was new, or a claim older than the lease was taken over. */
        OURS,
        /** The mail was sent before: nothing to do. */
        SENT_BEFORE,
        /** Another delivery of the same event claimed it within the lease and may be sending it now. */
        IN_FLIGHT
    }

    private final JdbcClient jdbc;

    SentMails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims this event's mail at {@code now}; a claim older than {@code lease} (its node died mid-send) is taken
     * over. Call inside a transaction: the row read is locked until the claim commits.
     */
    Claim claim(String eventKey, MailKind kind, String orderNumber, Instant now, Duration lease) {
        if (jdbc.sql("""
                INSERT IGNORE INTO notification_sent (event_key, kind, order_number, state, claimed_at)
                VALUES (?, ?, ?, 'SENDING', ?)""")
                .params(eventKey, kind.name(), orderNumber, Timestamp.from(now)).update() == 1) {
            return Claim.OURS;
        }
        var row = jdbc.sql("""
                SELECT state, claimed_at FROM notification_sent WHERE event_key = ? AND kind = ? FOR UPDATE""")
                .params(eventKey, kind.name())
                .query((rs, i) -> new Row(rs.getString("state"), rs.getTimestamp("claimed_at").toInstant())).single();
        if ("SENT".equals(row.state())) {
            return Claim.SENT_BEFORE;
        }
        if (row.claimedAt().plus(lease).isAfter(now)) {
            return Claim.IN_FLIGHT;
        }
        jdbc.sql("UPDATE notification_sent SET claimed_at = ? WHERE event_key = ? AND kind = ?")
                .params(Timestamp.from(now), eventKey, kind.name()).update();
        return Claim.OURS;
    }

    /** The mail claimed at {@code claimedAt} went out. */
    void sent(String eventKey, MailKind kind, Instant claimedAt, Instant now) {
        jdbc.sql("""
                UPDATE notification_sent SET state = 'SENT', sent_at = ?
                WHERE event_key = ? AND kind = ? AND state = 'SENDING' AND claimed_at = ?""")
                .params(Timestamp.from(now), eventKey, kind.name(), Timestamp.from(claimedAt)).update();
    }

    /** The mail claimed at {@code claimedAt} could not be sent: the next delivery of the event claims it afresh. */
    void release(String eventKey, MailKind kind, Instant claimedAt) {
        jdbc.sql("""
                DELETE FROM notification_sent WHERE event_key = ? AND kind = ? AND state = 'SENDING' AND claimed_at = ?""")
                .params(eventKey, kind.name(), Timestamp.from(claimedAt)).update();
    }

    int count(String orderNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_sent WHERE order_number = ? AND state = 'SENT'")
                .param(orderNumber).query(Integer.class).single();
    }

    private record Row(String state, Instant claimedAt) {
    }
}
