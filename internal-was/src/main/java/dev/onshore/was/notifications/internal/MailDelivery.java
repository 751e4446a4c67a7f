package dev.onshore.was.notifications.internal;

import dev.onshore.was.notifications.internal.MailTexts.Mail;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.util.Date;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a shopper's mail once per event: the event is claimed in the sent-mail ledger in the caller's transaction
 * before the mail goes out, so a redelivered event sends nothing, and a mail that could not be sent (an exception)
 * rolls the claim back with the transaction, leaving the event to be retried.
 */
@Component
@EnableConfigurationProperties(NotificationProperties.class)
class MailDelivery {

    private final SentMails sent;
    private final JavaMailSender sender;
    private final NotificationProperties properties;
    private final Clock clock;

    MailDelivery(SentMails sent, JavaMailSender sender, NotificationProperties properties, Clock clock) {
        this.sent = sent;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Sends the mail {@code compose} makes to {@code to}, unless {@code eventKey} was claimed before.
     *
     * @param reference what the mail is about in the ledger (an order number, or {@code -})
     * @return false when the event was claimed before: nothing was composed or sent
     */
    boolean sendOnce(String eventKey, MailKind kind, String reference, String to, Supplier<Mail> compose) {
        if (!sent.claim(eventKey, kind, reference, clock.instant())) {
            return false;
        }
        var mail = compose.get();
        sender.send(message -> {
            try {
                var helper = new MimeMessageHelper(message, true, "UTF-8");
                helper.setFrom(properties.from());
                helper.setTo(to);
                helper.setSubject(mail.subject());
                helper.setSentDate(Date.from(clock.instant()));
                helper.setText(mail.text(), mail.html());
                message.setHeader("Content-Language", mail.locale().toLanguageTag());
                // For the relay's logs and support: which of our mails it is, and about which order, in any language.
                message.setHeader("X-Onshore-Mail", kind.name());
                if (!"-".equals(reference)) {
                    message.setHeader("X-Onshore-Order", reference);
                }
            } catch (MessagingException e) {
                throw new MailPreparationException(e);
            }
        });
        return true;
    }
}
