package dev.onshore.was.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger of mails sent, one row per event and kind of mail. Claiming a row that exists changes nothing, so an
 * event delivered twice (or by two nodes at once: the second waits on the first's row lock) yields one mail.
 */
@Repository
class SentMails {

    private final JdbcClient jdbc;

    SentMails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when this event's mail is ours to send (in the caller's transaction); false when it was sent before. */
    boolean claim(String eventKey, MailKind kind, String orderNumber, Instant now) {
        return jdbc.sql("""
                INSERT IGNORE INTO notification_sent (event_key, kind, order_number, sent_at) VALUES (?, ?, ?, ?)""")
                .params(eventKey, kind.name(), orderNumber, Timestamp.from(now)).update() == 1;
    }

    int count(String orderNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_sent WHERE order_number = ?").param(orderNumber)
                .query(Integer.class).single();
    }
}
