package dev.onshore.was.orders.internal;

import dev.onshore.was.pii.PiiAttributeConverter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.flywaydb.core.api.migration.Context;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 85: gives the guest orders placed before migration 79 the blind index of their e-mail address
 * ({@code shop_order.email_index}, as {@link Orders#emailIndex} writes it for new ones), so that the back office's
 * exact search finds them by address, not only by number. The address is stored encrypted, so this needs the PII key
 * and cannot be SQL: it runs at start-up, once (Flyway records it), in Flyway's transaction, walking the guest orders
 * without an index by primary key in batches. Only rows whose index is still empty are written, so a run that failed
 * halfway can run again and a row a node indexed meanwhile is left as it is. Erased orders (their address is the
 * erasure's placeholder) and orders without an address stay without one: there is nobody to find.
 * <p>
 * Needs the PII key file only when there are guest orders to index, as migration 69.1 does.
 */
@Component
class GuestOrderEmailIndex extends PiiMigration {

    private static final Logger log = LoggerFactory.getLogger(GuestOrderEmailIndex.class);

    GuestOrderEmailIndex(PiiAttributeConverter pii) {
        super(pii, "85", "index guest order emails");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        log.info("Guest orders: {} e-mail addresses of shop_order indexed", index(context.getConnection()));
    }

    /** Indexes every guest order without an index that has an address; how many. */
    int index(Connection connection) throws SQLException {
        return walk(connection, "id, email", "member_subject IS NULL AND email_index IS NULL",
                rs -> new Row(rs.getBytes(1), rs.getString(2)), row -> index(connection, row));
    }

    private int index(Connection connection, Row row) throws SQLException {
        var email = row.email() == null ? "" : PiiAttributeConverter.isEncrypted(row.email())
                ? String.valueOf(pii.convertToEntityAttribute(row.email())) : row.email();
        var normalized = email.strip().toLowerCase(Locale.ROOT);
        if (normalized.isEmpty() || normalized.equals(Orders.ERASED_EMAIL)) {
            return 0;
        }
        try (var update = connection.prepareStatement(
                "UPDATE shop_order SET email_index = ? WHERE id = ? AND email_index IS NULL")) {
            update.setString(1, pii.blindIndex(normalized));
            update.setBytes(2, row.id());
            return update.executeUpdate();
        }
    }

    private record Row(byte[] id, @Nullable String email) implements KeyedRow {
    }
}
