package dev.onshore.was.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import com.zaxxer.hikari.HikariDataSource;
import dev.onshore.was.ShopTestSupport;
import dev.onshore.was.TestSmtp;
import dev.onshore.was.inventory.Stock;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.TestPropertySource;

/**
 * A mail relay that stalls (accepts the connection, then says nothing) while orders come in: the shop keeps taking
 * orders, because no asynchronous listener holds a pool connection while it talks to the relay, and no more
 * mail listeners run at once than configured (with the other listeners' bound, below the pool). Once the relay
 * recovers, every order's confirmation arrives exactly once. The benchmark's collapse (issue 11): each mail held a
 * connection for as long as the relay took, on unbounded virtual threads, until the pool was empty and requests
 * waited its full timeout. The mails have a bound of their own: while they wait on the relay, the other listeners
 * (stock here; search, statistics and Kafka alike) still run.
 */
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=6",
        "spring.datasource.hikari.connection-timeout=5000", "onshore.events.listeners.concurrency=3",
        "onshore.mail.concurrency=2",
        "spring.mail.properties.mail.smtp.connectiontimeout=60000", "spring.mail.properties.mail.smtp.timeout=60000"})
class MailRelayStallIntegrationTests extends ShopTestSupport {

    private static final int MAIL_SENDERS = 2;
    private static final int ORDERS = 5;

    @Autowired
    JavaMailSenderImpl smtp;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Stock stock;

    @Test
    void ordersAreTakenWhileTheMailRelayStallsAndEachConfirmationArrivesOnceWhenItRecovers() throws Exception {
        var email = "stall-" + UUID.randomUUID() + "@example.com";
        var pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        var relayPort = smtp.getPort();
        var numbers = new ArrayList<String>();
        try (var relay = new StallingRelay(relayPort)) {
            smtp.setPort(relay.port());
            for (int i = 0; i < ORDERS; i++) {
                // More orders than the pool has connections: each used to hold one while its mail was stuck.
                var token = cart("ID");
                assertStatus(add(token, "HS-VITC-1000", 1), 200);
                var placed = placeOrder(token, UUID.randomUUID().toString(),
                        checkout("ID").replace("ani@example.com", email));
                assertStatus(placed, 201);
                numbers.add(JsonPath.read(placed.getResponse().getContentAsString(), "$.order.number"));
            }
            await("the mail listeners stuck on the relay", () -> relay.open() == MAIL_SENDERS);
            await("no pool connection held while the relay stalls", () -> pool.getActiveConnections() == 0);
            Thread.sleep(500);
            assertThat(relay.open()).as("mail sessions at once (the mail listeners' bound)").isEqualTo(MAIL_SENDERS);
            assertThat(relay.mostOpen()).isEqualTo(MAIL_SENDERS);
            assertThat(TestSmtp.receivedBy(email)).isEmpty();

            relay.recover();
            await("every confirmation", () -> TestSmtp.receivedBy(email).size() >= ORDERS);
        } finally {
            smtp.setPort(relayPort);
        }
        await("every mail recorded as sent", () -> jdbc.sql("""
                SELECT COUNT(*) FROM notification_sent WHERE order_number IN (:numbers) AND state = 'SENT'""")
                .param("numbers", numbers).query(Integer.class).single() == ORDERS);
        Thread.sleep(1000);
        var mails = TestSmtp.receivedBy(email);
        assertThat(mails).hasSize(ORDERS);
        Set<String> mailed = new HashSet<>();
        for (var mail : mails) {
            mailed.add(header(mail, "X-Onshore-Order"));
        }
        assertThat(mailed).containsExactlyInAnyOrderElementsOf(numbers);
    }

    @Test
    void otherListenersKeepMovingWhileTheMailRelayStalls() throws Exception {
        var email = "stall-other-" + UUID.randomUUID() + "@example.com";
        var relayPort = smtp.getPort();
        try (var relay = new StallingRelay(relayPort)) {
            smtp.setPort(relay.port());
            String number = null;
            String accessToken = null;
            for (int i = 0; i < ORDERS; i++) {
                // More confirmations than there are listeners at all: they used to take every one of them.
                var token = cart("ID");
                assertStatus(add(token, "HS-VITC-1000", 1), 200);
                var placed = placeOrder(token, UUID.randomUUID().toString(),
                        checkout("ID").replace("ani@example.com", email));
                assertStatus(placed, 201);
                number = JsonPath.read(placed.getResponse().getContentAsString(), "$.order.number");
                accessToken = JsonPath.read(placed.getResponse().getContentAsString(), "$.accessToken");
            }
            await("the mail listeners stuck on the relay", () -> relay.open() >= MAIL_SENDERS);

            // The cancellation's stock listener runs while the mails wait on the relay.
            var cancelled = number;
            var started = System.nanoTime();
            assertStatus(mvc.perform(post("/api/shop/v1/orders/" + cancelled + "/cancel")
                    .header("Order-Token", accessToken)).andReturn(), 200);
            await("the cancelled order's stock released while the relay stalls", () -> stock.reservation(cancelled)
                    .filter(state -> state == Stock.ReservationState.RELEASED).isPresent());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(TestSmtp.receivedBy(email)).isEmpty();

            relay.recover();
            await("every confirmation and the cancellation", () -> TestSmtp.receivedBy(email).size() >= ORDERS + 1);
        } finally {
            smtp.setPort(relayPort);
        }
    }

    private static String header(jakarta.mail.internet.MimeMessage message, String name) throws MessagingException {
        return message.getHeader(name)[0];
    }

    /**
     * A TCP relay in front of the test's SMTP server that accepts connections and holds them silent until
     * {@link #recover()}, then passes the bytes both ways.
     */
    private static final class StallingRelay implements AutoCloseable {

        private final ServerSocket server;
        private final int target;
        private final CountDownLatch recovered = new CountDownLatch(1);
        private final AtomicInteger open = new AtomicInteger();
        private final AtomicInteger mostOpen = new AtomicInteger();

        StallingRelay(int target) throws IOException {
            this.target = target;
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        int open() {
            return open.get();
        }

        int mostOpen() {
            return mostOpen.get();
        }

        void recover() {
            recovered.countDown();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    var client = server.accept();
                    mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                    Thread.ofVirtual().start(() -> relay(client));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void relay(Socket client) {
            try (client; var upstream = new Socket(InetAddress.getLoopbackAddress(), await())) {
                var back = Thread.ofVirtual().start(() -> pipe(upstream, client));
                pipe(client, upstream);
                back.join();
            } catch (IOException | InterruptedException e) {
                // the test ended
            } finally {
                open.decrementAndGet();
            }
        }

        private int await() throws InterruptedException {
            recovered.await();
            return target;
        }

        private static void pipe(Socket from, Socket to) {
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                in.transferTo(out);
                to.shutdownOutput();
            } catch (IOException e) {
                // closed
            }
        }

        @Override
        public void close() throws IOException {
            recovered.countDown();
            server.close();
        }
    }
}
