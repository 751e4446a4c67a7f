package dev.onshore.was.pii;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The PII cipher, from the key file named by {@code onshore.accounts.pii.key-file} (read once at start: a wrong
 * file mode or a malformed file stops the node), and the rotation run.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PiiProperties.class)
class PiiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PiiConfiguration.class);

    @Bean
    @ConditionalOnProperty("onshore.accounts.pii.key-file")
    PiiCipher piiCipher(PiiProperties properties) {
        var keyFile = Objects.requireNonNull(properties.keyFile());
        var keys = PiiKeyRing.load(keyFile);
        log.info("Personal data encrypted with key {} of {}", keys.currentId(), keys);
        return new PiiCipher(keys);
    }

    @Bean
    @ConditionalOnProperty("onshore.accounts.pii.key-file")
    PiiReencryption piiReencryption(JdbcClient jdbc, PiiCipher cipher) {
        return new PiiReencryption(jdbc, cipher);
    }

    @Bean
    @ConditionalOnBooleanProperty("onshore.accounts.pii.reencrypt-on-start")
    ApplicationRunner piiRotation(PiiReencryption reencryption, ObjectProvider<PiiTable> tables,
            PiiProperties properties) {
        return arguments -> {
            for (var table : tables.orderedStream().toList()) {
                var rewritten = reencryption.reencrypt(table, properties.reencryptBatchSize());
                log.info("PII rotation: {} values of {} re-encrypted, {} left under other keys", rewritten,
                        table.table(), reencryption.remaining(table));
            }
        };
    }
}
