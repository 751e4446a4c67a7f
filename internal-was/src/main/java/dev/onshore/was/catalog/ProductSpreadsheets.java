package dev.onshore.was.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Products in and out of spreadsheets (.xlsx and .csv, one product per row): a template, an export, and imports that
 * run in the background and save all rows of a file or none.
 *
 * <p>Columns: {@code sku, brand, category, base_price, base_currency}, then {@code name.<language>} and
 * {@code summary.<language>} for any language, and {@code price.<MARKET>} for any market (a list price in the
 * market's currency, {@code CONVERTED} for a price converted from the base price, empty for no change).
 */
public interface ProductSpreadsheets {

    enum Format {
        CSV, XLSX
    }

    enum ImportState {
        QUEUED, VALIDATING, SAVING, SUCCEEDED, FAILED
    }

    /**
     * One refused cell or row.
     *
     * @param row as the spreadsheet numbers it (the header is row 1); 0 for the file as a whole
     * @param column the header's name, empty for the row as a whole
     * @param code a stable code ({@code required}, {@code positive}, {@code duplicate}, ...)
     */
    record RowError(int row, String column, String code) {
    }

    /** Where an import is; {@code errors} is empty unless it failed. */
    record ImportStatus(UUID id, String fileName, Format format, ImportState state, int totalRows,
            int processedRows, int savedRows, List<RowError> errors, String createdBy, Instant createdAt,
            @Nullable Instant finishedAt) {
    }

    /**
     * Queues the file's import and answers at once.
     *
     * @throws NotASpreadsheetException when the bytes are no .xlsx or UTF-8 .csv with a {@code sku} column
     */
    ImportStatus startImport(String fileName, byte[] bytes, Operator operator);

    Optional<ImportStatus> importStatus(UUID id);

    /** Every product in the template's columns; cells starting with = + - @ are neutralised with a quote. */
    byte[] export(Format format);

    /** The header and one example row. */
    byte[] template(Format format);
}
