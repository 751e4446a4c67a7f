package dev.onshore.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running "services" process of the demo: MariaDB, Kafka and SMTP in one JVM. It writes
 * {@code var/run/services.ready} once all three answer and stops them in reverse order on SIGTERM.
 */
public final class EmbeddedServices {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServices.class);

    private EmbeddedServices() {
    }

    static void run(Layout layout, Ports ports) throws IOException, InterruptedException {
        var secrets = new Secrets(layout);
        var ready = layout.run().resolve("services.ready");
        Files.deleteIfExists(ready);
        Deque<AutoCloseable> started = new ArrayDeque<>();
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeAll(started);
            stopped.countDown();
        }, "services-shutdown"));
        try {
            var db = EmbeddedMariaDb.start(layout.data("mariadb"), ports.mariadb(), "onshore", "onshore",
                    secrets.get(Secrets.Name.DB_APP_PASSWORD));
            started.push(db);
            log.info("MariaDB ready on 127.0.0.1:{}", ports.mariadb());
            var kafka = EmbeddedKafka.start(layout.data("kafka"), ports.kafka(), ports.kafkaController());
            started.push(kafka);
            log.info("Kafka (KRaft) ready on {}", kafka.bootstrapServers());
            var smtp = EmbeddedSmtp.start(ports.smtp(), ports.imap());
            started.push(smtp);
            started.push(DemoMailbox.start(smtp, ports.mailbox(), secrets.get(Secrets.Name.DEMO_MAILBOX_TOKEN)));
            log.info("SMTP ready on 127.0.0.1:{}, IMAP on 127.0.0.1:{}, demo mailbox on http://127.0.0.1:{}/messages",
                    ports.smtp(), ports.imap(), ports.mailbox());
        } catch (RuntimeException e) {
            log.error("A service failed to start: {}", e.getMessage(), e);
            System.exit(3);
        }
        Files.writeString(ready, Long.toString(ProcessHandle.current().pid()));
        stopped.await();
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            var service = started.pop();
            try {
                service.close();
            } catch (Exception e) {
                log.warn("{} did not stop cleanly: {}", service.getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
