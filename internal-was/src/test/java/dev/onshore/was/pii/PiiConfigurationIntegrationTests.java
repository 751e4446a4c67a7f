package dev.onshore.was.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The cipher comes from the configured key file, read at start; a bad file stops the node. */
class PiiConfigurationIntegrationTests {

    @TempDir
    Path dir;

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withUserConfiguration(PiiConfiguration.class, PiiAttributeConverter.class)
            // Never connected to: these tests run no rotation.
            .withBean(JdbcClient.class, () -> JdbcClient.create(new SimpleDriverDataSource()));

    @Test
    void encryptsWithTheKeyFileNamedInTheSettings() throws Exception {
        var file = keyFile("rw-------");

        contexts.withPropertyValues("onshore.accounts.pii.key-file=" + file).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(PiiCipher.class).doesNotHaveBean(ApplicationRunner.class);
            var converter = context.getBean(PiiAttributeConverter.class);
            assertThat(converter.convertToDatabaseColumn("Siti Rahayu")).startsWith("pii1:k20261202:");
        });
    }

    @Test
    void refusesToStartWithAKeyFileOthersCanRead() throws Exception {
        var file = keyFile("rw-r--r--");

        contexts.withPropertyValues("onshore.accounts.pii.key-file=" + file).run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause().hasMessageContaining("chmod 600"));
    }

    @Test
    void startsWithoutAKeyFileButStoresNoPersonalData() {
        contexts.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(PiiCipher.class);
            assertThat(context.getBean(PiiAttributeConverter.class).convertToDatabaseColumn(null)).isNull();
        });
    }

    @Test
    void refusesToRotateWithoutAKeyFile() {
        contexts.withPropertyValues("onshore.accounts.pii.reencrypt-on-start=true")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining(PiiReencryption.class.getName()));
    }

    private Path keyFile(String mode) throws Exception {
        var file = dir.resolve("pii-keys");
        Files.writeString(file, PiiKeys.file("k20261202", "k20261202", PiiKeys.newKey()));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }
}
