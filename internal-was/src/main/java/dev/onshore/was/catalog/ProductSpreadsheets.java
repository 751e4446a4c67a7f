package dev.onshore.was.catalog;

import dev.onshore.was.jobs.ImportJobs;
import dev.onshore.was.jobs.ImportJobs.ImportJob;
import java.util.Optional;
import java.util.UUID;

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

    /** The kind of the product imports among the {@link ImportJobs}. */
    String IMPORT_KIND = "product";

    /**
     * Queues the file's import as a background job and answers at once; the job's errors name each refused cell
     * ({@code required}, {@code positive}, {@code duplicate}, ...) and its result is empty (the saved rows are counted).
     *
     * @throws NotASpreadsheetException when the bytes are no .xlsx or UTF-8 .csv with a {@code sku} column
     */
    ImportJob startImport(String fileName, byte[] bytes, Operator operator);

    Optional<ImportJob> importStatus(UUID id);

    /** Every product in the template's columns; cells starting with = + - @ are neutralised with a quote. */
    byte[] export(Format format);

    /** The header and one example row. */
    byte[] template(Format format);
}
