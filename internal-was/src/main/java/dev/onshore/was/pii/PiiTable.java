package dev.onshore.was.pii;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A table with encrypted personal columns, declared as a bean next to its entity so that key rotation re-encrypts
 * it ({@link PiiReencryption}).
 *
 * @param table    the table name
 * @param idColumn its primary key column (single column, ordered: numbers, UUIDs or codes)
 * @param columns  the columns written through {@link PiiAttributeConverter}
 */
public record PiiTable(String table, String idColumn, List<String> columns) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    public PiiTable {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a PII table has at least one encrypted column: " + table);
        }
        // Names go into SQL text: plain identifiers only.
        for (var name : concat(table, idColumn, columns)) {
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("not a plain SQL identifier: " + name);
            }
        }
    }

    private static List<String> concat(String table, String idColumn, List<String> columns) {
        var all = new java.util.ArrayList<String>(columns);
        all.add(table);
        all.add(idColumn);
        return all;
    }
}
