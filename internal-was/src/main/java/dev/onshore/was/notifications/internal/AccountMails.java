package dev.onshore.was.notifications.internal;

import dev.onshore.was.accounts.AccountErased;
import dev.onshore.was.accounts.ShopperAccounts;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Confirms an account's erasure by mail, once: the event is claimed in the sent-mail ledger, and the address is
 * forgotten by the accounts area in the same transaction once the mail is out (a mail that fails rolls both back
 * and the event is retried).
 */
@Component
class AccountMails {

    private static final Logger log = LoggerFactory.getLogger(AccountMails.class);

    private final ShopperAccounts accounts;
    private final SentMails sent;
    private final OrderMailTexts texts;
    private final JavaMailSender sender;
    private final NotificationProperties properties;
    private final Clock clock;

    AccountMails(ShopperAccounts accounts, SentMails sent, OrderMailTexts texts, JavaMailSender sender,
            NotificationProperties properties, Clock clock) {
        this.accounts = accounts;
        this.sent = sent;
        this.texts = texts;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AccountErased erased) {
        var recipient = accounts.erasureRecipient(erased.erasureId()).orElse(null);
        if (recipient == null) {
            log.info("No erasure confirmation for request {}: no address, or sent before", erased.erasureId());
            return;
        }
        if (!sent.claim(erased.eventId().toString(), MailKind.ERASED, "-", clock.instant())) {
            return;
        }
        var mail = texts.composeErasure(recipient.language(), erased.ordersAnonymised());
        sender.send(message -> {
            try {
                var helper = new MimeMessageHelper(message, true, "UTF-8");
                helper.setFrom(properties.from());
                helper.setTo(recipient.email());
                helper.setSubject(mail.subject());
                helper.setSentDate(Date.from(clock.instant()));
                helper.setText(mail.text(), mail.html());
                message.setHeader("Content-Language", mail.locale().toLanguageTag());
            } catch (MessagingException e) {
                throw new MailPreparationException(e);
            }
        });
        accounts.erasureConfirmed(erased.erasureId());
        log.info("Sent the erasure confirmation of request {}", erased.erasureId());
    }
}
