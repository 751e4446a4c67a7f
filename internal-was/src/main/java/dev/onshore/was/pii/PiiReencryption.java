package dev.onshore.was.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Key rotation's second half: rewrites every encrypted value not under the current key with the current key, so
 * that the old key can then be removed from the key file. Walks the table by primary key in batches; each value is
 * replaced only if it is still what was read (a concurrent write already used the current key), so the application
 * may keep running. A value that cannot be decrypted stops the run: the old key must not be dropped then.
 */
final class PiiReencryption {

    private final JdbcClient jdbc;
    private final PiiCipher cipher;

    PiiReencryption(JdbcClient jdbc, PiiCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /**
     * Re-encrypts the table's personal columns.
     *
     * @return how many values were rewritten (0 when everything was already under the current key)
     * @throws IllegalStateException naming the table, column and row of a value that cannot be decrypted
     */
    int reencrypt(PiiTable table, int batchSize) {
        var select = "SELECT " + quote(table.idColumn()) + ", " + table.columns().stream().map(PiiReencryption::quote)
                .collect(Collectors.joining(", ")) + " FROM " + quote(table.table());
        var order = " ORDER BY " + quote(table.idColumn()) + " LIMIT " + batchSize;
        var rewritten = 0;
        @Nullable Object after = null;
        while (true) {
            var query = after == null ? jdbc.sql(select + order)
                    : jdbc.sql(select + " WHERE " + quote(table.idColumn()) + " > ?" + order).param(after);
            var rows = query.query((rs, n) -> {
                var values = new ArrayList<@Nullable String>();
                for (int i = 0; i < table.columns().size(); i++) {
                    values.add(rs.getString(i + 2));
                }
                return new Row(rs.getObject(1), values);
            }).list();
            for (var row : rows) {
                for (int i = 0; i < table.columns().size(); i++) {
                    rewritten += rewrite(table, table.columns().get(i), row.id(), row.values().get(i));
                }
            }
            if (rows.size() < batchSize) {
                return rewritten;
            }
            after = rows.getLast().id();
        }
    }

    /** How many values of the table are not yet under the current key (0 once rotation is complete). */
    long remaining(PiiTable table) {
        var count = 0L;
        for (var column : table.columns()) {
            count += jdbc.sql("SELECT " + quote(column) + " FROM " + quote(table.table()) + " WHERE " + quote(column)
                    + " IS NOT NULL").query(String.class).stream().filter(cipher::needsReencryption).count();
        }
        return count;
    }

    private int rewrite(PiiTable table, String column, Object id, @Nullable String value) {
        if (value == null || !cipher.needsReencryption(value)) {
            return 0;
        }
        String replacement;
        try {
            replacement = cipher.reencrypt(value);
        } catch (PiiDecryptionException e) {
            throw new IllegalStateException("Cannot re-encrypt " + table.table() + "." + column + " of row " + id
                    + ": " + e.getMessage(), e);
        }
        return jdbc.sql("UPDATE " + quote(table.table()) + " SET " + quote(column) + " = ? WHERE "
                + quote(table.idColumn()) + " = ? AND " + quote(column) + " = ?")
                .params(replacement, id, value).update();
    }

    private static String quote(String identifier) {
        return "`" + identifier + "`";
    }

    private record Row(Object id, List<@Nullable String> values) {
    }
}
