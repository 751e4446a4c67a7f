package dev.onshore.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipFile;

/**
 * The Keycloak distribution ({@code org.keycloak:keycloak-quarkus-dist}, resolved by Maven), unpacked once under
 * {@code var/}, built once for its options, with Onshore's realms (files in {@code identity/realms/}) imported on
 * start. Realms that already exist are left as they are, so operators' changes survive restarts.
 */
final class Keycloak {

    /**
     * Build-time options; changing them means a new {@code kc.sh build}. Not {@code --cache}: since Keycloak 26 it is a
     * run-time option, ignored by the build (the demo then clustered over JGroups on every address; see
     * {@link #START_OPTIONS}).
     */
    static final List<String> BUILD_OPTIONS = List.of("--db=dev-file", "--health-enabled=true",
            "--metrics-enabled=true");

    /** Run-time options of the one demo node: a local cache, so no JGroups cluster port is ever opened. */
    static final List<String> START_OPTIONS = List.of("--cache=local");

    private final Layout layout;
    private final String version;
    private final Path zip;

    private Keycloak(Layout layout, String version, Path zip) {
        this.layout = layout;
        this.version = version;
        this.zip = zip;
    }

    static Keycloak resolve(Layout layout) {
        var props = new Properties();
        try (InputStream in = Keycloak.class.getResourceAsStream("/devstack.properties")) {
            props.load(in);
        } catch (IOException | NullPointerException e) {
            throw new ApplianceException("devstack.properties is missing from the devstack build; rebuild with ./mvnw -pl devstack package");
        }
        var zip = Path.of(props.getProperty("keycloak.zip"));
        if (!Files.isRegularFile(zip)) {
            throw new ApplianceException("The Keycloak distribution " + zip + " is missing; rebuild with ./mvnw -pl devstack package (it resolves it from Maven Central)");
        }
        return new Keycloak(layout, props.getProperty("keycloak.version"), zip);
    }

    /**
     * Unpacks (first time), copies the realm files, drops the realms when {@code addresses} or the realm files changed
     * (see {@link #forgetRealmsIfMoved}) and builds (when the build options changed). Returns kc.sh.
     *
     * @param addresses what the realm files take from the running appliance other than secrets (its URLs and ports), in
     *        one string; never null
     */
    Path install(String javaHome, String addresses) {
        var home = layout.data("keycloak").resolve("keycloak-" + version);
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            unzip(zip, layout.data("keycloak"));
        }
        var kc = home.resolve("bin/kc.sh");
        copyRealms(home.resolve("data/import"));
        // Realms are code: a changed realm file (a new demo operator, a client setting) reaches the demo too.
        if (forgetRealmsIfMoved(home, addresses + " realms:" + realmsDigest())) {
            System.out.println("Keycloak's realms were imported from other realm files or for other addresses"
                    + " (another ONSHORE_PORT_OFFSET); importing them again: demo sign-ups made in Keycloak are reset,"
                    + " the shop's data is kept.");
        }
        var marker = home.resolve("onshore-build-options");
        var wanted = String.join(" ", BUILD_OPTIONS);
        try {
            if (!Files.exists(marker) || !Files.readString(marker).equals(wanted)) {
                var command = new ArrayList<>(List.of(kc.toString(), "build"));
                command.addAll(BUILD_OPTIONS);
                var build = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.log("keycloak-build").toFile()));
                build.environment().put("JAVA_HOME", javaHome);
                var process = build.start();
                if (process.waitFor() != 0) {
                    throw new ApplianceException("Keycloak build failed; see " + layout.log("keycloak-build"));
                }
                Files.writeString(marker, wanted);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApplianceException("Interrupted while building Keycloak");
        }
        return kc;
    }

    /**
     * The realms keep the addresses of their first import (the clients' redirect URIs, the issuer's front-end URL, the
     * mail server's port), and {@code --import-realm} never replaces a realm that exists. Started again on other ports,
     * every login would then fail with "Invalid parameter: redirect_uri". So when the addresses differ from those the
     * realms were imported with (or are unknown, for a database older than this record), Keycloak's database is
     * deleted and the realms are imported afresh on start.
     *
     * @return whether the realms were dropped
     */
    static boolean forgetRealmsIfMoved(Path home, String addresses) {
        var marker = home.resolve("onshore-realm-addresses");
        var database = home.resolve("data/h2");
        try {
            var known = Files.exists(marker) ? Files.readString(marker) : null;
            var moved = Files.isDirectory(database) && !addresses.equals(known);
            if (moved) {
                try (var files = Files.walk(database)) {
                    for (var file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.writeString(marker, addresses);
            return moved;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reset Keycloak's realms under " + home, e);
        }
    }

    /** SHA-256 over the realm files in name order, so that any change to them is seen. */
    private String realmsDigest() {
        var realms = layout.root().resolve("identity/realms");
        try (var files = Files.list(realms)) {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            for (var file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                digest.update(file.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new ApplianceException("Cannot read the realm files in " + realms + ": " + e.getMessage());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void copyRealms(Path importDir) {
        var realms = layout.root().resolve("identity/realms");
        try (var files = Files.list(realms)) {
            Files.createDirectories(importDir);
            for (var file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Files.copy(file, importDir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ApplianceException("Cannot copy the realm files from " + realms + ": " + e.getMessage());
        }
    }

    private static void unzip(Path zip, Path target) {
        try (var archive = new ZipFile(zip.toFile())) {
            var entries = archive.entries();
            while (entries.hasMoreElements()) {
                var entry = entries.nextElement();
                var out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new ApplianceException("Refusing zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (var in = archive.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                if (out.toString().endsWith(".sh")) {
                    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-x---"));
                }
            }
        } catch (IOException e) {
            throw new ApplianceException("Cannot unpack " + zip + ": " + e.getMessage());
        }
    }
}
