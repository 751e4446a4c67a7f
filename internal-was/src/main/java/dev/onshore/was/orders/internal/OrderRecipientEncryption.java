package dev.onshore.was.orders.internal;

import dev.onshore.was.pii.PiiAttributeConverter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 69.1: encrypts the recipient of every order placed before issue 11 (they were stored in clear),
 * so that an upgraded installation keeps no order's address or e-mail address in clear. A value already in the
 * encrypted form is left as it is, so a run that failed halfway can simply run again; Flyway records the run in its
 * history. Walks the table by primary key in batches, in Flyway's transaction.
 * <p>
 * Needs the PII key file only when there are orders to encrypt: an installation with orders and no key file stops
 * here with {@link dev.onshore.was.pii.PersonalDataUnavailableException}, before anything is changed.
 */
@Component
class OrderRecipientEncryption extends PiiMigration {

    private static final Logger log = LoggerFactory.getLogger(OrderRecipientEncryption.class);

    OrderRecipientEncryption(PiiAttributeConverter pii) {
        super(pii, "69.1", "encrypt order recipients");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        var connection = context.getConnection();
        var encrypted = walk(connection, "id, ship_to, email", null,
                rs -> new Row(rs.getBytes(1), rs.getString(2), rs.getString(3)), row -> encrypt(connection, row));
        log.info("Order recipients: {} values of shop_order encrypted", encrypted);
    }

    private int encrypt(Connection connection, Row row) throws SQLException {
        var shipTo = inClear(row.shipTo());
        var email = inClear(row.email());
        if (!shipTo && !email) {
            return 0;
        }
        try (var update = connection.prepareStatement("UPDATE shop_order SET ship_to = ?, email = ? WHERE id = ?")) {
            update.setString(1, shipTo ? encrypted(row.shipTo()) : row.shipTo());
            update.setString(2, email ? encrypted(row.email()) : row.email());
            update.setBytes(3, row.id());
            update.executeUpdate();
        }
        return (shipTo ? 1 : 0) + (email ? 1 : 0);
    }

    private static boolean inClear(String value) {
        return !PiiAttributeConverter.isEncrypted(value);
    }

    private String encrypted(String value) {
        return Objects.requireNonNull(pii.convertToDatabaseColumn(value));
    }

    private record Row(byte[] id, String shipTo, String email) implements KeyedRow {
    }
}
