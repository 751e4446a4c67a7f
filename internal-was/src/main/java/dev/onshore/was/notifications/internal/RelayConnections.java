package dev.onshore.was.notifications.internal;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The shop's connections to the mail relay, kept open from one mail to the next. A connection of its own per mail
 * cost more than the mail: a TCP handshake, the relay's greeting, EHLO (and STARTTLS and AUTH where the relay asks
 * for them) and QUIT, and on the demo relay a thread per connection (issue 11: a mail cost the shop 7.8 ms of CPU and
 * the relay 6.2 ms). A sender takes a connection, sends one mail and gives it back; no more are open than mails are
 * sent at once ({@code onshore.mail.concurrency}).
 *
 * <p>A connection idle longer than {@link #CHECK_AFTER} is asked first whether the relay still holds it (a NOOP: a
 * relay closes the ones idle too long); one idle longer than {@link #CLOSE_AFTER}, one that carried
 * {@link #MAILS_PER_CONNECTION} mails, and one opened to another host, port or user than the sender names now are
 * closed (with QUIT) instead of used. A connection that failed is closed; when it was a kept one, the mail is sent
 * once more on a new connection, else it fails as before (a refused mail fails at once): the caller releases its
 * claim and the event is delivered again later.
 */
@Component
class RelayConnections implements DisposableBean {

    /** A connection idle longer than this is checked with a NOOP before it carries a mail. */
    static final Duration CHECK_AFTER = Duration.ofSeconds(2);

    /** A connection idle longer than this is closed rather than used: relays drop idle sessions after a minute or more. */
    static final Duration CLOSE_AFTER = Duration.ofSeconds(30);

    /** Mails one connection carries before it is closed, so that no session lives for ever on a relay. */
    static final int MAILS_PER_CONNECTION = 100;

    private static final Logger log = LoggerFactory.getLogger(RelayConnections.class);

    private final JavaMailSenderImpl sender;

    /** The idle connections, the one given back last first. Guarded by {@code this}. */
    private final Deque<Connection> idle = new ArrayDeque<>();

    RelayConnections(JavaMailSenderImpl sender) {
        this.sender = sender;
    }

    /** A new message of the sender's session, to be filled and passed to {@link #send}. */
    MimeMessage newMessage() {
        return sender.createMimeMessage();
    }

    /**
     * Sends {@code message} to its recipients over an open connection to the relay (a new one when none is idle).
     *
     * @throws MailSendException when the relay refused the mail or the connection failed (then closed)
     */
    void send(MimeMessage message) {
        try {
            message.saveChanges();
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        var connection = take();
        try {
            deliver(connection, message);
        } catch (SendFailedException refused) {
            throw new MailSendException("The relay " + connection.target + " refused the mail", refused);
        } catch (MessagingException e) {
            if (connection.mails == 0) {
                throw new MailSendException("The relay " + connection.target + " did not take the mail", e);
            }
            // A kept connection the relay dropped since its last mail (within CHECK_AFTER): once more, on a new one.
            log.info("A kept connection to the relay {} failed ({}); sending on a new one", connection.target,
                    e.getMessage());
            try {
                deliver(open(connection.target), message);
            } catch (MessagingException again) {
                throw new MailSendException("The relay " + connection.target + " did not take the mail", again);
            }
        }
    }

    /** Sends over {@code connection}, then gives it back; closes it when that failed. */
    private void deliver(Connection connection, MimeMessage message) throws MessagingException {
        try {
            connection.transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            close(connection);
            throw e;
        }
        giveBack(connection.carried());
    }

    /** How many connections to the relay are idle now. */
    synchronized int idle() {
        return idle.size();
    }

    @Override
    public void destroy() {
        Connection connection;
        while ((connection = poll()) != null) {
            close(connection);
        }
    }

    private Connection take() {
        var target = Target.of(sender);
        Connection connection;
        while ((connection = poll()) != null) {
            var idleFor = Duration.ofNanos(System.nanoTime() - connection.idleSince);
            if (!connection.target.equals(target) || idleFor.compareTo(CLOSE_AFTER) > 0) {
                close(connection);
            } else if (idleFor.compareTo(CHECK_AFTER) > 0 && !connection.transport.isConnected()) {
                // isConnected() asked the relay (NOOP) and found the session gone: nothing to QUIT.
                log.debug("The relay {} dropped a connection idle for {}", target, idleFor);
            } else {
                return connection;
            }
        }
        return open(target);
    }

    private Connection open(Target target) {
        try {
            var transport = sender.getSession().getTransport(sender.getProtocol() == null ? "smtp" : sender.getProtocol());
            transport.connect(target.host, target.port, target.user, blankToNull(sender.getPassword()));
            return new Connection(target, transport, 0, System.nanoTime());
        } catch (AuthenticationFailedException e) {
            throw new MailAuthenticationException(e);
        } catch (MessagingException e) {
            throw new MailSendException("Could not connect to the relay " + target, e);
        }
    }

    private synchronized Connection poll() {
        return idle.pollFirst();
    }

    private void giveBack(Connection connection) {
        if (connection.mails >= MAILS_PER_CONNECTION) {
            close(connection);
            return;
        }
        Connection stale = null;
        synchronized (this) {
            idle.addFirst(connection);
            var oldest = idle.peekLast();
            if (Duration.ofNanos(System.nanoTime() - oldest.idleSince).compareTo(CLOSE_AFTER) > 0) {
                stale = idle.pollLast();
            }
        }
        if (stale != null) {
            close(stale);
        }
    }

    private static void close(Connection connection) {
        try {
            connection.transport.close();
        } catch (MessagingException | RuntimeException e) {
            log.debug("Closing a connection to the relay {} failed", connection.target, e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** Where a connection goes: a connection to another one than the sender names now is not used. */
    private record Target(String host, int port, String user) {

        static Target of(JavaMailSenderImpl sender) {
            return new Target(Objects.requireNonNullElse(sender.getHost(), "localhost"), sender.getPort(),
                    blankToNull(sender.getUsername()));
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /** An open connection, the mails it carried and since when it is idle ({@link System#nanoTime()}). */
    private record Connection(Target target, Transport transport, int mails, long idleSince) {

        Connection carried() {
            return new Connection(target, transport, mails + 1, System.nanoTime());
        }
    }
}
