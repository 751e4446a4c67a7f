package dev.onshore.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
        var ready = layout.servicesReady();
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
            keepNewestMails(smtp);
            log.info("SMTP ready on 127.0.0.1:{}, IMAP on 127.0.0.1:{}, demo mailbox on http://127.0.0.1:{}/messages",
                    ports.smtp(), ports.imap(), ports.mailbox());
        } catch (RuntimeException e) {
            log.error("A service failed to start: {}", e.getMessage(), e);
            System.exit(3);
        }
        Files.writeString(ready, Long.toString(ProcessHandle.current().pid()));
        stopped.await();
    }

    /** How many messages the demo relay keeps: the newest, enough for every mail a demo shows. */
    static final int MAILS_KEPT = 2_000;

    /** Every 30 s, the demo relay drops all but its {@link #MAILS_KEPT} newest messages (EmbeddedSmtp#keepNewest). */
    private static void keepNewestMails(EmbeddedSmtp smtp) {
        var pruning = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("smtp-pruning")
                .factory());
        pruning.scheduleWithFixedDelay(() -> {
            try {
                var dropped = smtp.keepNewest(MAILS_KEPT);
                if (dropped > 0) {
                    log.info("The demo relay dropped its {} oldest messages (it keeps the {} newest)", dropped,
                            MAILS_KEPT);
                }
            } catch (RuntimeException e) {
                log.warn("The demo relay could not drop old messages: {}", e.getMessage());
            }
        }, 30, 30, TimeUnit.SECONDS);
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
