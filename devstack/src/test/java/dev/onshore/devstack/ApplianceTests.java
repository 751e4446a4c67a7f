package dev.onshore.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplianceTests {

    @TempDir
    Path root;

    @Test
    void refusesToStartWhenAPortIsTakenAndNamesTheComponent() throws IOException {
        var ports = new Ports(31_000);
        try (var squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), ports.redis()));
            var appliance = new Appliance(new Layout(root, root.resolve("var")), ports, System.getProperty("java.home"));

            assertThatThrownBy(appliance::up).isInstanceOf(ApplianceException.class)
                    .hasMessageContaining("Port " + ports.redis()).hasMessageContaining("redis");
        }
    }

    @Test
    void forgetsTheReadyMarkerOfServicesThatDidNotStopCleanlyBeforeStartingAnything() throws IOException {
        var layout = new Layout(root, root.resolve("var"));
        var marker = Files.writeString(layout.servicesReady(), "");
        var ports = new Ports(31_000);
        try (var squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), ports.redis()));
            var appliance = new Appliance(layout, ports, System.getProperty("java.home"));

            assertThatThrownBy(appliance::up).isInstanceOf(ApplianceException.class).hasMessageContaining("Port");
        }
        assertThat(marker).doesNotExist();
    }

    @Test
    void saysSoWhenAlreadyRunning() throws IOException {
        var layout = new Layout(root, root.resolve("var"));
        var self = ProcessHandle.current();
        Files.writeString(layout.run().resolve("redis.pid"),
                self.pid() + " " + self.info().startInstant().orElseThrow().toEpochMilli());
        var appliance = new Appliance(layout, new Ports(31_000), System.getProperty("java.home"));

        assertThatThrownBy(appliance::up).isInstanceOf(ApplianceException.class).hasMessageContaining("already running");
    }

    @Test
    void neverTrustsAPidFileWhosePidNowBelongsToAnotherProcess() throws IOException {
        var layout = new Layout(root, root.resolve("var"));
        var self = ProcessHandle.current();
        Files.writeString(layout.run().resolve("redis.pid"), self.pid() + " 12345");
        var appliance = new Appliance(layout, new Ports(31_000), System.getProperty("java.home"));

        assertThat(appliance.alive("redis")).isEmpty();
        assertThat(appliance.stop("redis")).isFalse();
        assertThat(self.isAlive()).isTrue();
    }

    @Test
    void extractsAJarAgainOnlyWhenItWasRebuiltSinceTheLastExtraction() throws IOException {
        var jar = Files.writeString(root.resolve("internal-was.jar"), "built");
        var application = root.resolve("apps/internal-was/internal-was.jar");
        assertThat(Appliance.extractedFrom(jar, application)).isFalse();

        // The extraction carries the built jar's time over.
        Files.createDirectories(application.getParent());
        Files.writeString(application, "extracted");
        var built = FileTime.from(Instant.parse("2026-12-01T10:00:00Z"));
        Files.setLastModifiedTime(jar, built);
        Files.setLastModifiedTime(application, built);
        assertThat(Appliance.extractedFrom(jar, application)).isTrue();

        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-01T10:05:00Z")));
        assertThat(Appliance.extractedFrom(jar, application)).isFalse();
    }

    @Test
    void shiftsEveryPortByTheOffset() {
        var demo = Ports.DEMO;
        var shifted = new Ports(20_000);

        assertThat(demo.storefront()).isEqualTo(8080);
        assertThat(shifted.storefront()).isEqualTo(28080);
        assertThat(shifted.owners()).hasSameSizeAs(demo.owners())
                .allSatisfy((port, owner) -> assertThat(port).isGreaterThan(20_000));
        assertThatThrownBy(() -> new Ports(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void redisGivesTheEdgeItsOwnUserLimitedToItsKeysAndCommandsAndKeepsTheDefaultUserForOperators() {
        var config = Appliance.redisConfig(6379, root, "operators-password", "edge-password").lines().toList();

        assertThat(config).contains("requirepass operators-password");
        var edge = config.stream().filter(line -> line.startsWith("user edge ")).toList();
        assertThat(edge).hasSize(1);
        assertThat(edge.getFirst().split(" ")).contains("on", "resetkeys", "~rl:*", "~wr:*", "resetchannels",
                "-@all", "+eval", "+evalsha", ">edge-password").doesNotContain("~*", "allkeys", "+@all",
                "allcommands", "allchannels", "&*", "+flushall", "+config", "+keys", "+script|flush", "+script");
        assertThat(edge.getFirst().indexOf("-@all")).isLessThan(edge.getFirst().indexOf("+eval"));
    }
}
