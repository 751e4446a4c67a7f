package dev.onshore.was.notifications.internal;

import dev.onshore.was.notifications.internal.MailTexts.Mail;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a shopper's mail once per event, never with a transaction open while the relay is talked to (a slow relay
 * would hold a pool connection per mail, and an order burst would take them all from the requests): the event is
 * claimed in the sent-mail ledger in one short transaction, the mail goes out with no transaction, and a second
 * short transaction marks it sent. A redelivered event sends nothing; a mail that could not be sent (an exception)
 * releases its claim and the exception leaves the event publication incomplete, to be retried. A delivery that
 * finds the same event being sent by another delivery (claimed within the lease) fails too, so that the event is
 * looked at again later, when that other delivery has marked it sent or released it.
 */
@Component
@EnableConfigurationProperties(NotificationProperties.class)
class MailDelivery {

    /**
     * The executor every mail listener runs on ({@code @Async(MailDelivery.EXECUTOR)} beside its
     * {@code @ApplicationModuleListener}): the application's mail executor, at most {@code onshore.mail.concurrency}
     * at once, apart from the other listeners, so that a relay that stalls holds only those.
     */
    static final String EXECUTOR = "mailSendingExecutor";

    /**
     * How long a claim protects a mail being sent: far longer than a send takes (the relay's timeouts), so that only
     * a claim whose node died is taken over.
     */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(10);

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail looks its stream provider up (FactoryFinder) for every multipart, body part and encoding of a
        // message it builds or writes: a ServiceLoader scan of this application's ~200 jars each time, about a fifth
        // of the CPU a mail cost here (JFR, 2026-12-05). Named, the class is loaded directly instead.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final SentMails sent;
    private final RelayConnections relay;
    private final NotificationProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;

    MailDelivery(SentMails sent, RelayConnections relay, NotificationProperties properties, Clock clock,
            TransactionTemplate transactions) {
        this.sent = sent;
        this.relay = relay;
        this.properties = properties;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * Sends the mail {@code compose} makes to {@code to}, unless {@code eventKey} was claimed before.
     *
     * Must be called with no transaction open.
     *
     * @param reference what the mail is about in the ledger (an order number, or {@code -})
     * @return false when the event's mail was sent before: nothing was composed or sent
     * @throws MailInFlightException when another delivery of the event is sending its mail now
     */
    boolean sendOnce(String eventKey, MailKind kind, String reference, String to, Supplier<Mail> compose) {
        return sendOnce(eventKey, kind, reference, () -> new Draft(to, compose)) == Outcome.SENT;
    }

    /**
     * Sends the mail {@code read} drafts, unless {@code eventKey} was claimed before. {@code read} runs in the
     * claim's transaction (what it reads and the claim cost one transaction, not one each); the mail is composed
     * and sent after it, with no transaction open.
     *
     * Must be called with no transaction open.
     *
     * @param reference what the mail is about in the ledger (an order number, or {@code -})
     * @param read to whom and how, or null when there is nothing to send (then nothing is claimed)
     * @throws MailInFlightException when another delivery of the event is sending its mail now
     */
    Outcome sendOnce(String eventKey, MailKind kind, String reference, Supplier<@Nullable Draft> read) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A mail is sent with no transaction open: it would hold a pool "
                    + "connection for as long as the relay takes");
        }
        // The ledger keeps microseconds: the claim is matched on the instant it stored.
        var claimedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var claimed = transactions.execute(status -> {
            var draft = read.get();
            return draft == null ? null
                    : new Claimed(draft, sent.claim(eventKey, kind, reference, claimedAt, CLAIM_LEASE));
        });
        if (claimed == null) {
            return Outcome.NOTHING_TO_SEND;
        }
        if (claimed.claim() == SentMails.Claim.SENT_BEFORE) {
            return Outcome.SENT_BEFORE;
        }
        if (claimed.claim() == SentMails.Claim.IN_FLIGHT) {
            throw new MailInFlightException(eventKey, kind);
        }
        try {
            send(kind, reference, claimed.draft().to(), claimed.draft().compose().get());
        } catch (RuntimeException | Error e) {
            transactions.executeWithoutResult(status -> sent.release(eventKey, kind, claimedAt));
            throw e;
        }
        transactions.executeWithoutResult(status -> sent.sent(eventKey, kind, claimedAt, clock.instant()));
        return Outcome.SENT;
    }

    /** A mail to send: its recipient's address and what composes it (called once, after the claim). */
    record Draft(String to, Supplier<Mail> compose) {
    }

    /** What {@link #sendOnce} did. */
    enum Outcome {
        /** The mail went to the relay. */
        SENT,
        /** The event's mail was sent before (a redelivered event): nothing was composed or sent. */
        SENT_BEFORE,
        /** The read found nothing to send: nothing was claimed. */
        NOTHING_TO_SEND
    }

    private record Claimed(Draft draft, SentMails.Claim claim) {
    }

    private void send(MailKind kind, String reference, String to, Mail mail) {
        var message = relay.newMessage();
        try {
            var helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(to);
            helper.setSubject(mail.subject());
            helper.setSentDate(Date.from(clock.instant()));
            helper.setText(mail.text(), mail.html());
            base64(message);
            message.setHeader("Content-Language", mail.locale().toLanguageTag());
            // For the relay's logs and support: which of our mails it is, and about which order, in any language.
            message.setHeader("X-Onshore-Mail", kind.name());
            if (!"-".equals(reference)) {
                message.setHeader("X-Onshore-Order", reference);
            }
        } catch (MessagingException | IOException e) {
            throw new MailPreparationException(e);
        }
        relay.send(message);
    }

    /**
     * Encodes every text part in base64. Left to choose, Jakarta Mail reads each part once to pick an encoding and
     * then writes mostly-ASCII text as quoted-printable, a byte at a time: about a third of a mail's CPU here (JFR,
     * issue 11); base64 is written in blocks, and every mail reader decodes it.
     */
    private static void base64(Part part) throws MessagingException, IOException {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                base64(multipart.getBodyPart(i));
            }
        } else if (part instanceof MimeBodyPart text && part.isMimeType("text/*")) {
            text.setHeader("Content-Transfer-Encoding", "base64");
        }
    }

    /** Another delivery of the same event claimed its mail within the lease; try again later. */
    static final class MailInFlightException extends RuntimeException {

        MailInFlightException(String eventKey, MailKind kind) {
            super("The " + kind + " mail of event " + eventKey + " is being sent by another delivery");
        }
    }
}
