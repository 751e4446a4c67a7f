package dev.onshore.devstack;

import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A read-only JSON view of every message the demo's SMTP server received, on loopback only, for the admin's
 * "demo mailbox" page (which requires a signed-in operator): {@code GET /messages} with
 * {@code Authorization: Bearer <token>} → {@code [{"from","to","subject","sentAt","text"}]}, newest first. Without
 * the token (generated at install, given to the admin app only) it answers 401: mails hold shoppers' verification
 * links and order details, and any local process could otherwise read them. Exists only in the demo; production sends
 * through the brand's real mail relay.
 */
final class DemoMailbox implements AutoCloseable {

    private final HttpServer server;

    private DemoMailbox(HttpServer server) {
        this.server = server;
    }

    static DemoMailbox start(EmbeddedSmtp smtp, int port, String token) {
        if (token.isBlank()) {
            throw new IllegalArgumentException("The demo mailbox needs a token");
        }
        var expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/messages", exchange -> {
                var given = exchange.getRequestHeaders().getFirst("Authorization");
                if (given == null || !java.security.MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
                    exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
                    exchange.sendResponseHeaders(401, -1);
                    exchange.close();
                    return;
                }
                var messages = smtp.received().reversed();
                var json = messages.stream().map(DemoMailbox::json).collect(Collectors.joining(",", "[", "]"));
                var body = json.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return new DemoMailbox(server);
        } catch (IOException e) {
            throw new UncheckedIOException("The demo mailbox could not listen on 127.0.0.1:" + port, e);
        }
    }

    private static String json(MimeMessage message) {
        try {
            return "{\"from\":" + quote(addresses(message.getFrom())) + ",\"to\":"
                    + quote(addresses(message.getAllRecipients())) + ",\"subject\":" + quote(message.getSubject())
                    + ",\"sentAt\":" + quote(message.getSentDate() == null ? "" : message.getSentDate().toInstant().toString())
                    + ",\"text\":" + quote(text(message)) + "}";
        } catch (MessagingException | IOException e) {
            return "{\"subject\":" + quote("(unreadable message: " + e.getMessage() + ")") + "}";
        }
    }

    private static String text(MimeMessage message) throws MessagingException, IOException {
        var content = message.getContent();
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return String.valueOf(part.getContent());
                }
            }
            return multipart.getCount() > 0 ? String.valueOf(multipart.getBodyPart(0).getContent()) : "";
        }
        return "";
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    static String quote(String value) {
        if (value == null) {
            return "\"\"";
        }
        var out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
