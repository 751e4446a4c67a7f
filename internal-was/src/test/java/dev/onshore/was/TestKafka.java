package dev.onshore.was;

import dev.onshore.devstack.EmbeddedKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real Kafka (KRaft, in this JVM) for the integration tests that need a broker, under target/ with a fresh log
 * per run, on free ports. Stopped when the JVM exits, after the cached Spring contexts whose clients use it.
 */
public final class TestKafka {

    private static EmbeddedKafka server;

    private TestKafka() {
    }

    public static synchronized void register(DynamicPropertyRegistry registry) {
        if (server == null) {
            var home = Path.of("target", "kafka-it", Long.toString(System.currentTimeMillis())).toAbsolutePath();
            server = EmbeddedKafka.start(home, freePort(), freePort());
            AfterSpringContexts.stop("TestKafkaShutdownHook", server::close);
        }
        registry.add("spring.kafka.bootstrap-servers", server::bootstrapServers);
        // With a broker the node creates its events' topics at start, as in production (off in application-it).
        registry.add("spring.kafka.admin.auto-create", () -> "true");
    }

    public static synchronized String bootstrapServers() {
        return server.bootstrapServers();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
