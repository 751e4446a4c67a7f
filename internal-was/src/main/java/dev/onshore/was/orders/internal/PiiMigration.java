package dev.onshore.was.orders.internal;

import dev.onshore.was.pii.PiiAttributeConverter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Migrates the rows of {@code shop_order} that {@code condition} selects, {@value #BATCH} at a time in the order of
     * their primary key: each batch is read after the last key of the one before, and a batch that is not full is the
     * last. How many values were changed, as {@code migration} counts them.
     *
     * @param columns what is read of a row, its primary key {@code id} first
     * @param condition which rows, or null for all
     */
    static <R extends KeyedRow> int walk(Connection connection, String columns, @Nullable String condition,
            RowReader<R> reader, RowMigration<R> migration) throws SQLException {
        var changed = 0;
        byte @Nullable [] after = null;
        while (true) {
            var rows = batch(connection, columns, condition, after, reader);
            for (var row : rows) {
                changed += migration.migrate(row);
            }
            if (rows.size() < BATCH) {
                return changed;
            }
            after = rows.getLast().id();
        }
    }

    private static <R> List<R> batch(Connection connection, String columns, @Nullable String condition,
            byte @Nullable [] after, RowReader<R> reader) throws SQLException {
        var conditions = new ArrayList<String>();
        if (condition != null) {
            conditions.add(condition);
        }
        if (after != null) {
            conditions.add("id > ?");
        }
        var sql = "SELECT " + columns + " FROM shop_order"
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions)) + " ORDER BY id LIMIT "
                + BATCH;
        try (var select = connection.prepareStatement(sql)) {
            if (after != null) {
                select.setBytes(1, after);
            }
            try (var rs = select.executeQuery()) {
                var rows = new ArrayList<R>();
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
                return rows;
            }
        }
    }

    /** A row read by {@link #walk}, known by its primary key. */
    interface KeyedRow {

        byte[] id();
    }

    /** Reads the current row of a batch. */
    @FunctionalInterface
    interface RowReader<R> {

        R read(ResultSet rs) throws SQLException;
    }

    /** Migrates one row; how many of its values it changed. */
    @FunctionalInterface
    interface RowMigration<R> {

        int migrate(R row) throws SQLException;
    }
}
