package dev.onshore.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTests {

    @TempDir
    Path root;

    @Test
    void generatesEachSecretOnceIntoOwnerOnlyFiles() throws Exception {
        var layout = new Layout(root, root.resolve("var"));
        var secrets = new Secrets(layout);

        var first = secrets.get(Secrets.Name.DB_APP_PASSWORD);
        var again = new Secrets(layout).get(Secrets.Name.DB_APP_PASSWORD);

        assertThat(first).hasSize(24).isEqualTo(again);
        var file = root.resolve("var/secrets/master/db-app-password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void projectsOnlyTheSecretsAComponentNeedsUnderItsConfigurationKeys() throws Exception {
        var layout = new Layout(root, root.resolve("var"));
        var secrets = new Secrets(layout).generateAll();

        var dir = secrets.project(layout, "dmz-api", Map.of("spring.data.redis.password", Secrets.Name.REDIS_PASSWORD));

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("spring.data.redis.password");
        }
        assertThat(Files.readString(dir.resolve("spring.data.redis.password"))).isEqualTo(secrets.get(Secrets.Name.REDIS_PASSWORD));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }

    @Test
    void aProjectionDropsWhatTheComponentNoLongerNeeds() throws Exception {
        var layout = new Layout(root, root.resolve("var"));
        var secrets = new Secrets(layout).generateAll();
        secrets.project(layout, "internal-was", Map.of("spring.datasource.password", Secrets.Name.DB_APP_PASSWORD,
                "spring.data.redis.password", Secrets.Name.REDIS_PASSWORD));

        var dir = secrets.project(layout, "internal-was",
                Map.of("spring.datasource.password", Secrets.Name.DB_APP_PASSWORD));

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("spring.datasource.password");
        }
    }

    @Test
    void twoInstallationsNeverShareASecret() {
        var a = new Secrets(new Layout(root, root.resolve("a"))).get(Secrets.Name.SERVICE_CLIENT_SECRET);
        var b = new Secrets(new Layout(root, root.resolve("b"))).get(Secrets.Name.SERVICE_CLIENT_SECRET);

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void generatesThePiiKeyFileOnceOwnerOnlyOutsideTheConfigtreeFolders() throws Exception {
        var layout = new Layout(root, root.resolve("var"));
        var secrets = new Secrets(layout).generateAll();
        secrets.project(layout, "internal-was", Map.of("spring.datasource.password", Secrets.Name.DB_APP_PASSWORD));

        var file = secrets.piiKeyFile();
        var content = Files.readString(file);

        assertThat(file).isEqualTo(root.resolve("var/secrets/internal-was-pii/pii-keys"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        var current = content.lines().filter(line -> line.startsWith("current=")).findFirst().orElseThrow().substring(8);
        var key = content.lines().filter(line -> line.startsWith(current + "=")).findFirst().orElseThrow()
                .substring(current.length() + 1);
        assertThat(java.util.Base64.getDecoder().decode(key)).hasSize(32);
        assertThat(new Secrets(layout).piiKeyFile()).hasContent(content);
        try (var configtree = Files.list(root.resolve("var/secrets/internal-was"))) {
            assertThat(configtree.map(p -> p.getFileName().toString())).doesNotContain("pii-keys");
        }
    }

    @Test
    void neverReplacesAnExistingPiiKeyFile() throws Exception {
        var layout = new Layout(root, root.resolve("var"));
        var first = new Secrets(layout).piiKeyFile();
        Files.writeString(first, "current=old\nold=" + java.util.Base64.getEncoder().encodeToString(new byte[32]) + "\n");

        assertThat(new Secrets(layout).generateAll().piiKeyFile()).hasContent("current=old\nold="
                + java.util.Base64.getEncoder().encodeToString(new byte[32]) + "\n");
    }

    @Test
    void twoInstallationsNeverShareAPiiKey() throws Exception {
        var a = Files.readString(new Secrets(new Layout(root, root.resolve("a"))).piiKeyFile());
        var b = Files.readString(new Secrets(new Layout(root, root.resolve("b"))).piiKeyFile());

        assertThat(a).isNotEqualTo(b);
    }
}
