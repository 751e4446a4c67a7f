package dev.onshore.was.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.was.ShopTestSupport;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** What the mail tests share: an order's event delivered to the mails again, and the parts of a received mail. */
abstract class MailTestSupport extends ShopTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JsonMapper json;

    /**
     * Publishes the {@code type} event of order {@code number} that the mails' listener handled once again, as the
     * registry may (it delivers at least once), and waits until the listener has handled it the second time.
     */
    void redeliver(Class<?> type, String number) throws InterruptedException {
        var again = json.readValue(jdbc.sql("""
                SELECT serialized_event FROM EVENT_PUBLICATION WHERE event_type = ? AND serialized_event LIKE ?
                  AND listener_id LIKE '%OrderMails%'""").params(type.getName(), "%" + number + "%")
                .query(String.class).single(), type);
        transactions.executeWithoutResult(status -> events.publishEvent(again));
        await("the redelivered event to be handled", () -> jdbc.sql("""
                SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE event_type = ? AND serialized_event LIKE ?
                  AND listener_id LIKE '%OrderMails%' AND completion_date IS NOT NULL""")
                .params(type.getName(), "%" + number + "%").query(Integer.class).single() == 2);
    }

    /** The first part of this type in the message, decoded. */
    static String part(Part message, String type) throws Exception {
        var found = firstPart(message, type);
        assertThat(found).as("a %s part", type).isPresent();
        return found.orElseThrow();
    }

    /** The transfer encodings of the message's text parts, in order. */
    static java.util.List<String> textEncodings(Part part) throws Exception {
        var found = new java.util.ArrayList<String>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                found.addAll(textEncodings(multipart.getBodyPart(i)));
            }
        } else if (part.isMimeType("text/*")) {
            var header = part.getHeader("Content-Transfer-Encoding");
            found.add(header == null ? "(none)" : header[0]);
        }
        return found;
    }

    private static Optional<String> firstPart(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return Optional.of(String.valueOf(part.getContent()));
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var found = firstPart(multipart.getBodyPart(i), type);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
