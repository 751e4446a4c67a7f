package dev.onshore.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmbeddedSmtpTests {

    private EmbeddedSmtp smtp;
    private int port;

    @BeforeEach
    void start() throws Exception {
        port = freePort();
        smtp = EmbeddedSmtp.start(port, freePort());
    }

    @AfterEach
    void stop() {
        smtp.close();
    }

    @Test
    void keepsTheNewestMessagesAndForgetsRecipientsLeftWithoutAny() throws Exception {
        send("a@example.com", "1");
        send("b@example.com", "2");
        send("a@example.com", "3");
        send("c@example.com", "4");
        send("c@example.com", "5");

        assertThat(smtp.keepNewest(10)).isZero();
        assertThat(smtp.received()).hasSize(5);

        assertThat(smtp.keepNewest(2)).isEqualTo(3);

        assertThat(smtp.received()).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder("4", "5");
        assertThat(smtp.recipients()).containsExactly("c@example.com");
        send("a@example.com", "6");
        assertThat(smtp.received()).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder("4", "5", "6");
    }

    private void send(String to, String subject) throws MessagingException, InterruptedException {
        var properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        var message = new MimeMessage(Session.getInstance(properties));
        message.setFrom("orders@onshore.test");
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText("Order " + subject);
        Transport.send(message);
        // The relay orders its messages by their arrival, in milliseconds.
        Thread.sleep(5);
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
