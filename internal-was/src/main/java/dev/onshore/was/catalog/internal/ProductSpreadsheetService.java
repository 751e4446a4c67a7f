package dev.onshore.was.catalog.internal;

import dev.onshore.was.catalog.InvalidProductException;
import dev.onshore.was.catalog.NotASpreadsheetException;
import dev.onshore.was.catalog.OfferPricing;
import dev.onshore.was.catalog.Operator;
import dev.onshore.was.catalog.ProductAdministration.Basics;
import dev.onshore.was.catalog.ProductAdministration.OfferInput;
import dev.onshore.was.catalog.ProductSpreadsheets;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.catalog.Spreadsheets;
import dev.onshore.was.jobs.ImportJobs;
import dev.onshore.was.jobs.ImportJobs.ImportJob;
import dev.onshore.was.jobs.ImportJobs.RowError;
import java.util.UUID;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports run as background jobs ({@link ImportJobs}: a worker thread, never a request thread, and progress any node
 * can answer the browser's polling with): first every row is validated (nothing saved when any row is wrong, and the
 * report names each bad cell), then all rows are saved in one transaction.
 */
@Service
class ProductSpreadsheetService implements ProductSpreadsheets {

    private static final Logger log = LoggerFactory.getLogger(ProductSpreadsheetService.class);

    static final List<String> BASIC_COLUMNS = List.of("sku", "brand", "category", "base_price", "base_currency");
    private static final Pattern TEXT_COLUMN = Pattern.compile("(name|summary)\\.([a-z]{2}(?:-[A-Z]{2})?)");
    private static final Pattern PRICE_COLUMN = Pattern.compile("price\\.([A-Z]{2})");
    private static final int MAX_ROWS = 20_000;
    private static final int PROGRESS_EVERY = 250;

    private final Products products;
    private final ProductAdministrationService administration;
    private final ImportJobs jobs;
    private final TransactionTemplate oneTransaction;
    private final Clock clock;
    private final dev.onshore.was.audit.AuditTrail audit;

    ProductSpreadsheetService(Products products, ProductAdministrationService administration, ImportJobs jobs,
            PlatformTransactionManager transactions, Clock clock, dev.onshore.was.audit.AuditTrail audit) {
        this.audit = audit;
        this.products = products;
        this.administration = administration;
        this.jobs = jobs;
        this.oneTransaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A parsed file: the header and the rows (cells as text, trimmed), numbered as the spreadsheet shows them. */
    record Sheet(List<String> header, List<Row> rows) {
    }

    record Row(int number, Map<String, String> cells) {

        String get(String column) {
            return cells.getOrDefault(column, "");
        }
    }

    @Override
    public ImportJob startImport(String fileName, byte[] bytes, Operator operator) {
        var format = formatOf(fileName, bytes);
        var sheet = parse(fileName, format, bytes);
        return jobs.start(IMPORT_KIND, fileName, sheet.rows().size(), operator.name(),
                progress -> run(sheet, operator, fileName, progress));
    }

    @Override
    public Optional<ImportJob> importStatus(UUID id) {
        return jobs.find(IMPORT_KIND, id);
    }

    /** Validates every row, then saves all in one transaction; on the worker's thread. */
    ImportJobs.Outcome run(Sheet sheet, Operator operator, String fileName, ImportJobs.Progress progress) {
        var errors = new ArrayList<RowError>();
        var seen = new HashSet<String>();
        var existing = existing(sheet);
        int checked = 0;
        for (var row : sheet.rows()) {
            validate(row, sheet.header(), seen, existing, errors);
            if (++checked % PROGRESS_EVERY == 0) {
                progress.validating(checked);
            }
        }
        if (!errors.isEmpty()) {
            return new ImportJobs.Outcome.Refused(errors);
        }
        progress.saving(0);
        int saved = oneTransaction.execute(status -> {
            int count = 0;
            for (var row : sheet.rows()) {
                save(row, sheet.header(), existing);
                if (++count % PROGRESS_EVERY == 0) {
                    progress.saving(count);
                }
            }
            // One audit row for the file, in the import's transaction: which products it created or changed.
            audit.record("product.import", "product-import:" + progress.jobId(), null, Map.of("fileName", fileName,
                    "rows", count, "skus", sheet.rows().stream().map(row -> row.get("sku")).toList()));
            return count;
        });
        log.info("Import of {} by {}: {} products saved", fileName, operator.name(), saved);
        return new ImportJobs.Outcome.Saved(saved, Map.of());
    }

    /** Adds every problem of the row to {@code errors}. */
    /** The file's SKUs that name existing products, asked in chunks rather than row by row. */
    private java.util.Set<String> existing(Sheet sheet) {
        var skus = sheet.rows().stream().map(row -> Sku.parseOrNull(row.get("sku"))).filter(java.util.Objects::nonNull)
                .map(Sku::value).distinct().toList();
        var found = new HashSet<String>();
        for (int from = 0; from < skus.size(); from += 1000) {
            found.addAll(products.findExistingSkus(skus.subList(from, Math.min(skus.size(), from + 1000))));
        }
        return found;
    }

    void validate(Row row, List<String> header, HashSet<String> seen, java.util.Set<String> existing,
            List<RowError> errors) {
        var n = row.number();
        var skuText = row.get("sku");
        var sku = Sku.parseOrNull(skuText);
        if (skuText.isEmpty()) {
            errors.add(new RowError(n, "sku", "required"));
            return;
        }
        if (sku == null) {
            errors.add(new RowError(n, "sku", "pattern"));
            return;
        }
        if (!seen.add(sku.value())) {
            errors.add(new RowError(n, "sku", "duplicate"));
        }
        var exists = existing.contains(sku.value());
        var violations = new ArrayList<InvalidProductException.Violation>();
        administration.checkBasics(basics(row, violations), violations);
        violations.forEach(v -> errors.add(new RowError(n, column(v.field()), v.code())));
        for (var column : header) {
            var text = TEXT_COLUMN.matcher(column);
            if (text.matches() && text.group(1).equals("name")) {
                var name = row.get(column);
                var summary = row.get("summary." + text.group(2));
                if (name.isEmpty() && !summary.isEmpty()) {
                    errors.add(new RowError(n, column, "required"));
                } else if (name.length() > 200) {
                    errors.add(new RowError(n, column, "tooLong"));
                }
                if (summary.length() > 1000) {
                    errors.add(new RowError(n, "summary." + text.group(2), "tooLong"));
                }
            }
            var price = PRICE_COLUMN.matcher(column);
            if (price.matches() && !row.get(column).isEmpty()) {
                try {
                    administration.offerOf(price.group(1), offer(row.get(column)), "");
                } catch (InvalidProductException e) {
                    e.violations().forEach(v -> errors.add(new RowError(n, column, v.code())));
                } catch (NumberFormatException e) {
                    errors.add(new RowError(n, column, "number"));
                }
            }
        }
        if (!exists && row.get("name.en").isEmpty()) {
            errors.add(new RowError(n, "name.en", "required"));
        }
    }

    private static String column(String field) {
        return switch (field) {
            case "basePrice" -> "base_price";
            case "baseCurrency" -> "base_currency";
            default -> field;
        };
    }

    private static Basics basics(Row row, List<InvalidProductException.Violation> violations) {
        BigDecimal price = null;
        if (!row.get("base_price").isEmpty()) {
            try {
                price = new BigDecimal(row.get("base_price"));
            } catch (NumberFormatException e) {
                violations.add(new InvalidProductException.Violation("basePrice", "number"));
                price = BigDecimal.ONE;
            }
        }
        return new Basics(row.get("brand"), row.get("category"), price,
                row.get("base_currency").isEmpty() ? null : row.get("base_currency"));
    }

    private static OfferInput offer(String cell) {
        if (cell.equalsIgnoreCase("CONVERTED")) {
            return new OfferInput(null, OfferPricing.CONVERTED, null, null, null, null, null, null);
        }
        return new OfferInput(null, OfferPricing.LIST, new BigDecimal(cell), null, null, null, null, null);
    }

    /** Creates or updates the row's product; the row has been validated. */
    private void save(Row row, List<String> header, java.util.Set<String> existing) {
        var sku = new Sku(row.get("sku").strip().toUpperCase(Locale.ROOT));
        var basePrice = new BigDecimal(row.get("base_price"));
        var currency = row.get("base_currency").toUpperCase(Locale.ROOT);
        var now = clock.instant();
        var product = existing.contains(sku.value()) ? products.findBySku(sku.value()).orElseThrow()
                : new Product(sku, row.get("brand"), basePrice, currency, now);
        product.changeBasics(row.get("brand"), basePrice, currency, now)
                .categorize(row.get("category").isEmpty() ? null : row.get("category"), now);
        for (var column : header) {
            var text = TEXT_COLUMN.matcher(column);
            if (text.matches() && text.group(1).equals("name") && !row.get(column).isEmpty()) {
                var language = text.group(2);
                var old = product.translations().get(language);
                product.translate(language, old == null
                        ? new ProductTranslation(row.get(column), row.get("summary." + language))
                        : new ProductTranslation(row.get(column), row.get("summary." + language), old.description(),
                                old.ingredients(), old.usage(), old.warnings()), now);
            }
            var price = PRICE_COLUMN.matcher(column);
            if (price.matches() && !row.get(column).isEmpty()) {
                var market = price.group(1);
                var entered = administration.offerOf(market, offer(row.get(column)), "");
                var old = product.offers().get(market);
                // An existing offer keeps its limit, availability and a sale that still fits under the new price.
                var keepSale = old != null && old.salePrice() != null && entered.listPrice() != null
                        && old.salePrice().compareTo(entered.listPrice()) < 0;
                product.offer(market, old == null ? entered : new MarketOffer(entered.currency(), entered.listPrice(),
                        keepSale ? old.salePrice() : null, keepSale ? old.saleStartsAt() : null,
                        keepSale ? old.saleEndsAt() : null, old.maxPerOrder(), old.availability(), entered.pricing()),
                        now);
            }
        }
        products.save(product);
    }

    // --- reading files ---

    static Format formatOf(String fileName, byte[] bytes) {
        return Spreadsheets.formatOf(fileName, bytes);
    }

    Sheet parse(String fileName, Format format, byte[] bytes) {
        var table = Spreadsheets.read(fileName, format, bytes);
        if (table.isEmpty()) {
            throw new NotASpreadsheetException(fileName, "empty");
        }
        var header = table.getFirst().stream().map(String::strip).toList();
        if (!header.contains("sku")) {
            throw new NotASpreadsheetException(fileName, "no sku column in the first row");
        }
        for (var column : header) {
            if (!BASIC_COLUMNS.contains(column) && !TEXT_COLUMN.matcher(column).matches()
                    && !PRICE_COLUMN.matcher(column).matches()) {
                throw new NotASpreadsheetException(fileName, "unknown column " + column);
            }
        }
        if (table.size() - 1 > MAX_ROWS) {
            throw new NotASpreadsheetException(fileName, "more than " + MAX_ROWS + " rows");
        }
        var rows = new ArrayList<Row>();
        for (int i = 1; i < table.size(); i++) {
            var cells = new LinkedHashMap<String, String>();
            var values = table.get(i);
            boolean blank = true;
            for (int c = 0; c < header.size(); c++) {
                var value = c < values.size() ? values.get(c).strip() : "";
                blank &= value.isEmpty();
                cells.put(header.get(c), value);
            }
            if (!blank) {
                rows.add(new Row(i + 1, cells));
            }
        }
        return new Sheet(header, rows);
    }

    // --- writing files ---

    @Override
    public byte[] template(Format format) {
        var header = header(List.of("en", "ko"), List.of("KR", "SG", "US"));
        var example = List.of("HS-EXAMPLE-1", "Example Brand", "", "25000", "KRW", "Example product",
                "One line about it", "예시 상품", "한 줄 소개", "25000", "CONVERTED", "19.90");
        return Spreadsheets.write(format, "products", header, List.of(example));
    }

    @Override
    public byte[] export(Format format) {
        return oneTransaction.execute(status -> {
            var all = products.findAllByOrderBySku();
            var languages = all.stream().flatMap(p -> p.translations().keySet().stream()).distinct().sorted().toList();
            var markets = all.stream().flatMap(p -> p.offers().keySet().stream()).distinct().sorted().toList();
            var rows = new ArrayList<List<String>>();
            for (var product : all) {
                var row = new ArrayList<String>(List.of(product.sku().value(), product.brand(),
                        product.categoryCode() == null ? "" : product.categoryCode(),
                        product.basePrice().stripTrailingZeros().toPlainString(), product.baseCurrency()));
                for (var language : languages) {
                    var text = product.translations().get(language);
                    row.add(text == null ? "" : text.name());
                    row.add(text == null ? "" : text.summary());
                }
                for (var market : markets) {
                    var offer = product.offers().get(market);
                    row.add(offer == null ? "" : offer.converted() ? "CONVERTED"
                            : offer.listPrice().stripTrailingZeros().toPlainString());
                }
                rows.add(row);
            }
            return Spreadsheets.write(format, "products", header(languages, markets), rows);
        });
    }

    private static List<String> header(List<String> languages, List<String> markets) {
        var header = new ArrayList<>(BASIC_COLUMNS);
        languages.forEach(language -> {
            header.add("name." + language);
            header.add("summary." + language);
        });
        markets.forEach(market -> header.add("price." + market));
        return header;
    }
}
