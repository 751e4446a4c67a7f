package dev.onshore.was.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onshore.devstack.EmbeddedSmtp;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The connections to the relay are kept from one mail to the next, against a real SMTP server (GreenMail, as in the
 * demo) behind a TCP relay of the test that counts the connections made and can drop them.
 */
class RelayConnectionsUnitTests {

    private EmbeddedSmtp smtp;
    private int smtpPort;
    private CountingRelay relay;
    private JavaMailSenderImpl sender;
    private RelayConnections connections;

    @BeforeEach
    void start() throws IOException {
        smtpPort = freePort();
        smtp = EmbeddedSmtp.start(smtpPort, freePort());
        relay = new CountingRelay(smtpPort);
        sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(relay.port());
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
        connections = new RelayConnections(sender);
    }

    @AfterEach
    void stop() throws IOException {
        connections.destroy();
        relay.close();
        smtp.close();
    }

    @Test
    void mailsOneAfterAnotherShareOneConnection() throws Exception {
        for (int i = 1; i <= 3; i++) {
            connections.send(mail("one-" + i + "@example.com"));
        }

        assertThat(recipients()).containsExactly("one-1@example.com", "one-2@example.com", "one-3@example.com");
        assertThat(relay.accepted()).as("connections made to the relay").isEqualTo(1);
        assertThat(connections.idle()).isEqualTo(1);
    }

    @Test
    void aConnectionToAnotherRelayThanTheSenderNamesNowIsClosedNotUsed() throws Exception {
        connections.send(mail("before@example.com"));
        try (var other = new CountingRelay(smtpPort)) {
            sender.setPort(other.port());

            connections.send(mail("after@example.com"));

            assertThat(other.accepted()).isEqualTo(1);
            assertThat(relay.accepted()).isEqualTo(1);
            await(() -> relay.open() == 0);
            assertThat(recipients()).containsExactly("before@example.com", "after@example.com");
            connections.destroy();
        }
    }

    @Test
    void aKeptConnectionTheRelayDroppedIsReplacedAndTheMailStillGoes() throws Exception {
        connections.send(mail("first@example.com"));
        relay.dropAll();
        await(() -> relay.open() == 0);

        connections.send(mail("second@example.com"));

        assertThat(recipients()).containsExactly("first@example.com", "second@example.com");
        assertThat(relay.accepted()).isEqualTo(2);
    }

    @Test
    void aRelayThatCannotBeReachedFailsTheMailAndKeepsNoConnection() throws Exception {
        sender.setPort(freePort());

        assertThatThrownBy(() -> connections.send(mail("nobody@example.com"))).isInstanceOf(MailSendException.class)
                .hasMessageContaining("Could not connect");
        assertThat(connections.idle()).isZero();
        assertThat(smtp.received()).isEmpty();
    }

    private MimeMessage mail(String to) throws MessagingException {
        var message = connections.newMessage();
        message.setFrom("orders@onshore.test");
        message.setRecipients(MimeMessage.RecipientType.TO, to);
        message.setSubject("Order");
        message.setText("Thank you", "UTF-8");
        return message;
    }

    private List<String> recipients() throws MessagingException {
        var all = new java.util.ArrayList<String>();
        for (var message : smtp.received()) {
            all.add(message.getAllRecipients()[0].toString());
        }
        return all;
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A TCP relay to the SMTP server that counts the connections it accepted and can drop the open ones. */
    private static final class CountingRelay implements AutoCloseable {

        private final ServerSocket server;
        private final int target;
        private final AtomicInteger accepted = new AtomicInteger();
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();

        CountingRelay(int target) throws IOException {
            this.target = target;
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            return accepted.get();
        }

        int open() {
            return open.size();
        }

        void dropAll() throws IOException {
            for (var socket : open) {
                socket.close();
            }
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    var client = server.accept();
                    accepted.incrementAndGet();
                    open.add(client);
                    Thread.ofVirtual().start(() -> relay(client));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void relay(Socket client) {
            try (client; var upstream = new Socket(InetAddress.getLoopbackAddress(), target)) {
                var back = Thread.ofVirtual().start(() -> pipe(upstream, client));
                pipe(client, upstream);
                upstream.close();
                back.join();
            } catch (IOException | InterruptedException e) {
                // dropped or closed
            } finally {
                open.remove(client);
            }
        }

        private static void pipe(Socket from, Socket to) {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            dropAll();
        }
    }
}
