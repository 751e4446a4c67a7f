package dev.onshore.was.orders.internal;

import dev.onshore.was.pii.PiiAttributeConverter;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;

/**
 * A Flyway migration of the orders' tables that needs the PII key (it reads or writes encrypted columns), so it is a
 * Spring bean rather than SQL: the version and description Flyway records, no checksum (a Java migration has no file
 * to sum), run in Flyway's transaction.
 */
abstract class PiiMigration implements JavaMigration {

    /** Rows read and written per round trip. */
    static final int BATCH = 500;

    protected final PiiAttributeConverter pii;
    private final MigrationVersion version;
    private final String description;

    PiiMigration(PiiAttributeConverter pii, String version, String description) {
        this.pii = pii;
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public final MigrationVersion getVersion() {
        return version;
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final @Nullable Integer getChecksum() {
        return null;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }
}
