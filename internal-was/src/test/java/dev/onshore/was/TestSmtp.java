package dev.onshore.was;

import dev.onshore.devstack.EmbeddedSmtp;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real SMTP server (GreenMail, as in the demo) for the integration tests of this JVM, on free ports; every mail
 * the application sends lands here. Stopped when the JVM exits, after the cached Spring contexts.
 */
public final class TestSmtp {

    private static EmbeddedSmtp server;
    private static int port;

    private TestSmtp() {
    }

    public static synchronized void register(DynamicPropertyRegistry registry) {
        if (server == null) {
            port = freePort();
            server = EmbeddedSmtp.start(port, freePort());
            AfterSpringContexts.stop("TestSmtpShutdownHook", server::close);
        }
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
    }

    /** Every message received so far to {@code recipient}, oldest first. */
    public static synchronized List<MimeMessage> receivedBy(String recipient) {
        return server.received().stream().filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients())
                        .anyMatch(to -> ((InternetAddress) to).getAddress().equalsIgnoreCase(recipient));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
