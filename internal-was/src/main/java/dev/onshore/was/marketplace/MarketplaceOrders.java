package dev.onshore.was.marketplace;

import dev.onshore.was.jobs.ImportJobs;
import dev.onshore.was.jobs.ImportJobs.ImportJob;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Orders from marketplaces (seed 004): a channel's export imported as paid orders, all rows of a file or none, each
 * channel order once (re-importing a file imports nothing twice), and the mapping of the channel's product codes to
 * our SKUs that the import needs.
 *
 * <p>Columns (header row, any order): {@code order_number, product_code, product_name, quantity, unit_price,
 * recipient, phone, address, postal_code, country, email}. Rows with the same {@code order_number} are the lines of
 * one order; the unit price is in the currency of the country's market.
 */
public interface MarketplaceOrders {

    /** A channel's name as operators write it: {@code coupang}, {@code naver}, {@code shopee-id}. */
    Pattern CHANNEL = Pattern.compile("[a-z0-9][a-z0-9-]{1,29}");

    enum Format {
        CSV, XLSX
    }

    /**
     * One refused cell or row.
     *
     * @param row as the spreadsheet numbers it (the header is row 1)
     * @param column the header's name, empty for the row as a whole
     * @param code {@code required}, {@code unknown-code}, {@code quantity}, {@code price}, {@code unknown-country},
     *     {@code duplicate}, {@code out-of-stock}, {@code too-long}, {@code inconsistent}, {@code rate}
     */
    record RowError(int row, String column, String code) {
    }

    /**
     * What an import did.
     *
     * @param imported the new orders' numbers
     * @param alreadyImported the channel's order numbers skipped because the same order was imported before
     */
    record ImportReport(String channel, String fileName, int rows, List<String> imported,
            List<String> alreadyImported) {
    }

    /** A channel's product code and the SKU it stands for. */
    record ProductCode(String channel, String externalCode, String sku, Instant updatedAt, String updatedBy) {
    }

    /** The kind of the marketplace order imports among the {@link ImportJobs}. */
    String IMPORT_KIND = "marketplace-order";

    /**
     * Queues the import of the file's orders ({@link #importOrders}) as a background job and answers at once. The
     * finished job's result holds {@code channel, fileName, rows, imported, alreadyImported} as {@link ImportReport};
     * a refused file's job failed with every refused row (codes as {@link RowError}) and saved nothing.
     *
     * @throws dev.onshore.was.catalog.NotASpreadsheetException when the bytes are no .xlsx or UTF-8 .csv with the
     *     template's columns (no job)
     * @throws IllegalArgumentException for a channel that does not match {@link #CHANNEL}
     */
    ImportJob startImport(String channel, String fileName, byte[] bytes, String by);

    /** A marketplace import job, if any. */
    Optional<ImportJob> importStatus(UUID id);

    /**
     * Imports the file's orders as paid orders of {@code channel}, taking their stock; all or nothing; in the
     * caller's thread.
     *
     * @throws dev.onshore.was.catalog.NotASpreadsheetException when the bytes are no .xlsx or UTF-8 .csv with the
     *     template's columns (nothing imported)
     * @throws OrderImportRefusedException with every refused row (nothing imported)
     * @throws IllegalArgumentException for a channel that does not match {@link #CHANNEL}
     */
    ImportReport importOrders(String channel, String fileName, byte[] bytes, String by);

    /** The header and one example order of two lines. */
    byte[] template(Format format);

    /** Every mapping, by channel and code. */
    List<ProductCode> productCodes();

    /**
     * Maps a channel's product code to a SKU (replacing an earlier mapping), audited.
     *
     * @throws IllegalArgumentException naming the field ({@code channel}, {@code externalCode}, {@code sku}) that is
     *     not valid
     */
    ProductCode mapProductCode(String channel, String externalCode, String sku, String by);

    /** Forgets a mapping, audited; false when there was none. */
    boolean unmapProductCode(String channel, String externalCode);
}
