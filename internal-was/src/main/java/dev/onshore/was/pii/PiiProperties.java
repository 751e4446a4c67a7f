package dev.onshore.was.pii;

import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Encryption of personal data at rest (see docs/security/pii-encryption.md).
 *
 * @param keyFile            the key file (0600, outside the database and its backups): {@code /etc/onshore/pii/keys}
 *                           in production, generated under {@code var/secrets/} by {@code ./onshore up}; without it
 *                           nothing personal can be stored or read
 * @param reencryptOnStart   re-encrypt every registered personal column under the current key once this node is up
 *                           (the rotation step; set it on one node for one restart)
 * @param reencryptBatchSize rows read per query while re-encrypting
 */
@Validated
@ConfigurationProperties("onshore.accounts.pii")
record PiiProperties(@Nullable Path keyFile, @DefaultValue("false") boolean reencryptOnStart,
        @DefaultValue("500") @Positive int reencryptBatchSize) {
}
