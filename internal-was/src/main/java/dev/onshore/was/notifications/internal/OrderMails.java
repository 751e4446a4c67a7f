package dev.onshore.was.notifications.internal;

import dev.onshore.was.orders.OrderCancelled;
import dev.onshore.was.orders.OrderManagement;
import dev.onshore.was.orders.OrderPaid;
import dev.onshore.was.orders.OrderPlaced;
import dev.onshore.was.orders.OrderShipped;
import dev.onshore.was.payments.RefundIssued;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails the shopper when their order is placed, paid, shipped, cancelled or refunded. Each event is claimed in the
 * sent-mail ledger in the listener's transaction before the mail goes out: a redelivered event sends nothing, and a
 * mail that could not be sent rolls the claim back, so the event publication stays incomplete and is retried.
 */
@Component
@EnableConfigurationProperties(NotificationProperties.class)
class OrderMails {

    private static final Logger log = LoggerFactory.getLogger(OrderMails.class);

    private final OrderManagement orders;
    private final SentMails sent;
    private final OrderMailTexts texts;
    private final JavaMailSender sender;
    private final NotificationProperties properties;
    private final Clock clock;

    OrderMails(OrderManagement orders, SentMails sent, OrderMailTexts texts, JavaMailSender sender,
            NotificationProperties properties, Clock clock) {
        this.orders = orders;
        this.sent = sent;
        this.texts = texts;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(OrderPlaced placed) {
        mail(placed.eventId().toString(), MailKind.PLACED, placed.orderNumber(), Map.of());
    }

    @ApplicationModuleListener
    void on(OrderPaid paid) {
        mail(paid.eventId().toString(), MailKind.PAID, paid.orderNumber(), Map.of("paidAt", paid.occurredAt()));
    }

    @ApplicationModuleListener
    void on(OrderShipped shipped) {
        mail(shipped.eventId().toString(), MailKind.SHIPPED, shipped.orderNumber(), Map.of("carrier",
                shipped.carrier(), "tracking", shipped.trackingNumber(), "shippedAt", shipped.occurredAt()));
    }

    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        mail(cancelled.eventId().toString(), MailKind.CANCELLED, cancelled.orderNumber(), Map.of("reason",
                cancelled.reason(), "refundDue", cancelled.refundDue(), "cancelledAt", cancelled.occurredAt()));
    }

    /** Keyed by the provider's refund id: the payments area publishes one event per refund. */
    @ApplicationModuleListener
    void on(RefundIssued refund) {
        mail(refund.provider() + ":" + refund.providerRefundId(), MailKind.REFUNDED, refund.orderReference(),
                Map.of("amount", refund.amount(), "refundedAt", refund.issuedAt()));
    }

    private void mail(String eventKey, MailKind kind, String number, Map<String, ?> facts) {
        var order = orders.find(number).orElse(null);
        var recipient = orders.recipient(number).orElse(null);
        if (order == null || recipient == null) {
            log.warn("No {} mail for unknown order {}", kind, number);
            return;
        }
        if (!sent.claim(eventKey, kind, number, clock.instant())) {
            log.info("The {} mail of order {} was sent before (event {} delivered again)", kind, number, eventKey);
            return;
        }
        var mail = texts.compose(kind, order, recipient, facts);
        sender.send(message -> {
            try {
                var helper = new MimeMessageHelper(message, true, "UTF-8");
                helper.setFrom(properties.from());
                helper.setTo(recipient.email());
                helper.setSubject(mail.subject());
                helper.setSentDate(Date.from(clock.instant()));
                helper.setText(mail.text(), mail.html());
                message.setHeader("Content-Language", mail.locale().toLanguageTag());
                // For the relay's logs and support: which order and which of its mails, in any language.
                message.setHeader("X-Onshore-Order", number);
                message.setHeader("X-Onshore-Mail", kind.name());
            } catch (MessagingException e) {
                throw new MailPreparationException(e);
            }
        });
        log.info("Sent the {} mail of order {}", kind, number);
    }
}
