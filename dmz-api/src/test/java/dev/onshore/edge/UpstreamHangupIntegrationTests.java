package dev.onshore.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway in front of an internal node that accepts the request and hangs up without answering (a node
 * stopping, a balancer closing an idle connection under the request): a retriable 502, never a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UpstreamHangupIntegrationTests {

    private static final ServerSocket upstream;
    private static final AtomicInteger hangups = new AtomicInteger();

    static {
        try {
            upstream = new ServerSocket(0);
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
        Thread.ofVirtual().start(() -> {
            while (!upstream.isClosed()) {
                try (Socket connection = upstream.accept()) {
                    var in = connection.getInputStream();
                    var request = new StringBuilder();
                    while (!request.toString().endsWith("\r\n\r\n")) {
                        int b = in.read();
                        if (b < 0) {
                            break;
                        }
                        request.append((char) b);
                    }
                    hangups.incrementAndGet(); // closed without a byte of answer
                } catch (IOException e) {
                    // the server socket closed at the end of the class
                }
            }
        });
    }

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void hangingUpUpstream(DynamicPropertyRegistry registry) {
        registry.add("onshore.gateway.internal-was-url", () -> "http://127.0.0.1:" + upstream.getLocalPort());
    }

    @AfterAll
    static void stopUpstream() throws IOException {
        upstream.close();
    }

    @Test
    void answersBadGatewayWhenTheNodeHangsUpWithoutAnswering() throws Exception {
        var response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/id-id/")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(hangups.get()).as("the request reached the node").isPositive();
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("upstream-unavailable").doesNotContain("Exception");
    }
}
