package dev.onshore.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DemoMailboxTests {

    private static final String TOKEN = "mailbox-token-0123456789abcdefghij";

    private EmbeddedSmtp smtp;
    private DemoMailbox mailbox;
    private int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @BeforeEach
    void start() throws Exception {
        smtp = EmbeddedSmtp.start(freePort(), freePort());
        port = freePort();
        mailbox = DemoMailbox.start(smtp, port, TOKEN);
    }

    @AfterEach
    void stop() {
        mailbox.close();
        smtp.close();
    }

    private int status(String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/messages"));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void answersOnlyTheAdminAppWithItsToken() throws Exception {
        assertThat(status()).isEqualTo(401);
        assertThat(status("Authorization", "Bearer wrong")).isEqualTo(401);
        assertThat(status("Authorization", "Bearer " + TOKEN + "x")).isEqualTo(401);
        assertThat(status("Authorization", "Bearer " + TOKEN)).isEqualTo(200);
    }
}
