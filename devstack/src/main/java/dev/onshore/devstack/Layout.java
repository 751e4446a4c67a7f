package dev.onshore.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where the appliance keeps its state: everything lives under {@code var/} of the checkout (git-ignored), or under
 * another folder for tests, so that two appliances never share files.
 *
 * @param root the repository checkout (holds the app jars and the realm files), never null
 * @param var the state folder: secrets, pid files, logs, data
 */
public record Layout(Path root, Path var) {

    public Layout {
        root = root.toAbsolutePath().normalize();
        var = var.toAbsolutePath().normalize();
    }

    /** The checkout named by {@code -Donshore.root} or {@code ONSHORE_ROOT}, else the working directory. */
    public static Layout detect() {
        var configured = System.getProperty("onshore.root", System.getenv("ONSHORE_ROOT"));
        var root = Path.of(configured == null || configured.isBlank() ? "." : configured);
        var configuredVar = System.getProperty("onshore.var", System.getenv("ONSHORE_VAR"));
        return new Layout(root, configuredVar == null || configuredVar.isBlank() ? root.resolve("var") : Path.of(configuredVar));
    }

    public Path secrets() {
        return privateDir(var.resolve("secrets"));
    }

    public Path run() {
        return dir(var.resolve("run"));
    }

    /** The marker the services process writes once MariaDB, Kafka and the mail relay answer. */
    public Path servicesReady() {
        return run().resolve("services.ready");
    }

    public Path logs() {
        return dir(var.resolve("log"));
    }

    public Path data(String component) {
        return dir(var.resolve("data").resolve(component));
    }

    public Path log(String component) {
        return logs().resolve(component + ".log");
    }

    static Path dir(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    /** A folder only the owner may enter: secrets and their projections live in these. */
    static Path privateDir(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }
}
