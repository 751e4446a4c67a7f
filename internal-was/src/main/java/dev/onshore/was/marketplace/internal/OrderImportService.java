package dev.onshore.was.marketplace.internal;

import dev.onshore.i18n.market.Market;
import dev.onshore.i18n.market.Markets;
import dev.onshore.i18n.money.Money;
import dev.onshore.i18n.rates.ExchangeRates;
import dev.onshore.i18n.rates.MissingRateException;
import dev.onshore.i18n.rates.StaleRateException;
import dev.onshore.was.audit.AuditTrail;
import dev.onshore.was.catalog.NotASpreadsheetException;
import dev.onshore.was.catalog.ProductSpreadsheets;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.catalog.Spreadsheets;
import dev.onshore.was.checkout.MarketCharges;
import dev.onshore.was.inventory.InsufficientStockException;
import dev.onshore.was.inventory.Stock;
import dev.onshore.was.jobs.ImportJobs;
import dev.onshore.was.jobs.ImportJobs.ImportJob;
import dev.onshore.was.marketplace.MarketplaceOrders;
import dev.onshore.was.marketplace.OrderImportRefusedException;
import dev.onshore.was.orders.NewOrder;
import dev.onshore.was.orders.OrderManagement;
import dev.onshore.was.orders.OrderView;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a channel's export in one transaction, in the background ({@link ImportJobs}: the upload answers at once,
 * the operator's page polls the rows done): every row is checked first (a report names each refused row), then
 * each order is placed as paid and its stock taken through the inventory's conditional update (a shortage refuses
 * the order's rows); any refusal rolls the whole file back. An order imported before with the same lines is skipped,
 * so that uploading a file again imports nothing twice; the same channel number with other lines is refused.
 */
@Service
@Transactional
class OrderImportService implements MarketplaceOrders {

    static final List<String> COLUMNS = List.of("order_number", "product_code", "product_name", "quantity",
            "unit_price", "recipient", "phone", "address", "postal_code", "country", "email", "shipping");
    private static final Set<String> REQUIRED = Set.of("order_number", "product_code", "quantity", "unit_price",
            "recipient", "address", "country");
    private static final Pattern QUANTITY = Pattern.compile("[0-9]{1,6}");
    private static final Pattern PRICE = Pattern.compile("[0-9]{1,15}(\\.[0-9]{1,4})?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}");
    private static final int MAX_ROWS = 5_000;
    private static final int MAX_QUANTITY = 999;
    private static final int PROGRESS_EVERY = 25;

    private final OrderManagement orders;
    private final Stock stock;
    private final ProductCodes codes;
    private final Markets markets;
    private final ExchangeRates rates;
    private final AuditTrail audit;
    private final MarketCharges charges;
    private final Clock clock;
    private final ImportJobs jobs;
    private final TransactionTemplate oneTransaction;

    OrderImportService(OrderManagement orders, Stock stock, ProductCodes codes, Markets markets,
            ExchangeRates rates, AuditTrail audit, MarketCharges charges, Clock clock, ImportJobs jobs,
            PlatformTransactionManager transactions) {
        this.jobs = jobs;
        this.oneTransaction = new TransactionTemplate(transactions);
        this.charges = charges;
        this.orders = orders;
        this.stock = stock;
        this.codes = codes;
        this.markets = markets;
        this.rates = rates;
        this.audit = audit;
        this.clock = clock;
    }

    /** One row as read, numbered as the spreadsheet numbers it. */
    record Row(int number, Map<String, String> cells) {

        String get(String column) {
            return cells.getOrDefault(column, "");
        }
    }

    /** A checked line of a channel order. */
    record Line(int row, String sku, String name, int quantity, BigDecimal unitPrice) {
    }

    /** A checked channel order, its rows' lines in file order. */
    /** @param shipping what the channel charged for shipping (its file's column), or null: the market's rule */
    record ChannelOrder(String externalNumber, Market market, String recipient, String shipTo, String email,
            List<Line> lines, @Nullable BigDecimal shipping) {
    }

    @Override
    public ImportReport importOrders(String channel, String fileName, byte[] bytes, String by) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("channel");
        }
        return importRows(channel, fileName, rows(fileName, Spreadsheets.read(fileName, bytes)), by, null);
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ImportJob startImport(String channel, String fileName, byte[] bytes, String by) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("channel");
        }
        // Read here, on the request's thread, so that a file that is no spreadsheet is refused at once (415).
        var rows = rows(fileName, Spreadsheets.read(fileName, bytes));
        return jobs.start(IMPORT_KIND, fileName, rows.size(), by, progress -> {
            try {
                var report = Objects.requireNonNull(oneTransaction.execute(
                        status -> importRows(channel, fileName, rows, by, progress)));
                return new ImportJobs.Outcome.Saved(report.imported().isEmpty() ? 0 : savedRows(rows, report),
                        Map.of("channel", report.channel(), "fileName", report.fileName(), "rows", report.rows(),
                                "imported", report.imported(), "alreadyImported", report.alreadyImported()));
            } catch (OrderImportRefusedException e) {
                return new ImportJobs.Outcome.Refused(e.errors().stream()
                        .map(error -> new ImportJobs.RowError(error.row(), error.column(), error.code())).toList());
            }
        });
    }

    /** The rows of the orders the import placed (not those it skipped as imported before). */
    private static int savedRows(List<Row> rows, ImportReport report) {
        var skipped = Set.copyOf(report.alreadyImported());
        return (int) rows.stream().filter(row -> !skipped.contains(row.get("order_number"))).count();
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<ImportJob> importStatus(UUID id) {
        return jobs.find(IMPORT_KIND, id);
    }

    /**
     * Checks every row, then places the orders; in the caller's transaction, which any refusal rolls back (the
     * exception is thrown out of it).
     *
     * @param progress where to report rows checked and saved, null for none
     */
    private ImportReport importRows(String channel, String fileName, List<Row> rows, String by,
            ImportJobs.@Nullable Progress progress) {
        var errors = new ArrayList<RowError>();
        var mapped = codes.skus(channel);
        var byNumber = new LinkedHashMap<String, List<Row>>();
        int checked = 0;
        for (var row : rows) {
            if (check(row, mapped, errors)) {
                byNumber.computeIfAbsent(row.get("order_number"), number -> new ArrayList<>()).add(row);
            }
            if (progress != null && ++checked % PROGRESS_EVERY == 0) {
                progress.validating(checked);
            }
        }
        var channelOrders = new ArrayList<ChannelOrder>();
        byNumber.forEach((number, orderRows) -> {
            var order = order(number, orderRows, mapped, errors);
            if (order != null) {
                channelOrders.add(order);
            }
        });
        var imported = new ArrayList<String>();
        var skipped = new ArrayList<String>();
        int done = 0;
        int reported = 0;
        if (progress != null && errors.isEmpty()) {
            progress.saving(0);
        }
        for (var order : channelOrders) {
            done += order.lines().size();
            var before = orders.findImported(channel, order.externalNumber());
            if (before.isPresent()) {
                if (sameLines(before.get(), order)) {
                    skipped.add(order.externalNumber());
                } else {
                    order.lines().forEach(line -> errors.add(new RowError(line.row(), "order_number", "duplicate")));
                }
                continue;
            }
            if (errors.isEmpty()) {
                place(channel, order, by, errors).ifPresent(imported::add);
                if (progress != null && done - reported >= PROGRESS_EVERY) {
                    progress.saving(done);
                    reported = done;
                }
            }
        }
        if (!errors.isEmpty()) {
            // Thrown out of the transaction, it rolls back every order placed and every unit taken so far: all rows
            // of a file or none.
            errors.sort(Comparator.comparingInt(RowError::row).thenComparing(RowError::column));
            throw new OrderImportRefusedException(fileName, errors);
        }
        return new ImportReport(channel, fileName, rows.size(), imported, skipped);
    }

    private java.util.Optional<String> place(String channel, ChannelOrder order, String by, List<RowError> errors) {
        var currency = order.market().currency();
        var lines = order.lines().stream().map(line -> new NewOrder.Line(line.sku(), line.name(),
                Money.of(line.unitPrice(), currency), line.quantity())).toList();
        var subtotal = lines.stream().map(NewOrder.Line::total).reduce(Money::plus).orElseThrow();
        if (subtotal.signum() <= 0) {
            order.lines().forEach(line -> errors.add(new RowError(line.row(), "unit_price", "price")));
            return java.util.Optional.empty();
        }
        // Shipping as the channel charged it, else the market's rule; tax at the market's rate, included in the
        // prices where the market shows them with tax.
        var units = new TreeMap<String, Integer>();
        order.lines().forEach(line -> units.merge(line.sku(), line.quantity(), Integer::sum));
        var charged = charges.charges(order.market().country(), "standard", subtotal, units,
                order.shipping() == null ? null : Money.of(order.shipping(), currency).rounded());
        var total = charged.total();
        var now = clock.instant();
        BigDecimal rate;
        Money baseTotal;
        java.time.Instant rateAsOf;
        try {
            var snapshot = rates.snapshot(currency, rates.settings().base(), BigDecimal.ZERO);
            rate = snapshot.rate();
            rateAsOf = snapshot.asOf();
            baseTotal = Money.of(total.amount().multiply(rate, MathContext.DECIMAL128), rates.settings().base())
                    .rounded();
        } catch (StaleRateException | MissingRateException e) {
            errors.add(new RowError(order.lines().getFirst().row(), "country", "rate"));
            return java.util.Optional.empty();
        }
        var zero = Money.zero(currency);
        var newOrder = new NewOrder(order.market().country(), order.market().defaultLocale().getLanguage(), null,
                order.email(), order.shipTo(), "marketplace", lines, subtotal, charged.shipping(), charged.tax(),
                charged.taxIncluded(), total, baseTotal, rate,
                rateAsOf, now, order.market().zone(), zero, null);
        var placed = orders.importPaid(newOrder, channel, order.externalNumber(), by);
        try {
            stock.reserve(placed.number(), units, now.plus(java.time.Duration.ofDays(1)));
            stock.commit(placed.number());
        } catch (InsufficientStockException e) {
            order.lines().stream().filter(line -> line.sku().equals(e.sku()))
                    .forEach(line -> errors.add(new RowError(line.row(), "quantity", "out-of-stock")));
            return java.util.Optional.empty();
        }
        audit.record("order.import", "order:" + placed.number(), null, new Audited(channel, order.externalNumber(),
                order.lines().stream().map(line -> line.sku() + " x" + line.quantity()).toList(),
                total.amount().toPlainString() + " " + currency.getCurrencyCode()));
        return java.util.Optional.of(placed.number());
    }

    /** What the audit log keeps of an imported order. */
    record Audited(String channel, String externalNumber, List<String> lines, String total) {
    }

    private static boolean sameLines(OrderView before, ChannelOrder order) {
        var had = new TreeMap<String, Integer>();
        before.lines().forEach(line -> had.merge(line.sku(), line.quantity(), Integer::sum));
        var has = new TreeMap<String, Integer>();
        order.lines().forEach(line -> has.merge(line.sku(), line.quantity(), Integer::sum));
        return had.equals(has) && before.market().equals(order.market().country());
    }

    /** Cell by cell: false when the row is refused (its errors added). */
    private boolean check(Row row, Map<String, String> mapped, List<RowError> errors) {
        int before = errors.size();
        for (var column : COLUMNS) {
            var value = row.get(column);
            if (REQUIRED.contains(column) && value.isEmpty()) {
                errors.add(new RowError(row.number(), column, "required"));
            } else if (value.length() > (column.equals("address") ? 300 : column.equals("email") ? 254 : 64)) {
                errors.add(new RowError(row.number(), column, "too-long"));
            }
        }
        var code = row.get("product_code");
        if (!code.isEmpty() && !mapped.containsKey(code)) {
            errors.add(new RowError(row.number(), "product_code", "unknown-code"));
        }
        var quantity = row.get("quantity");
        if (!quantity.isEmpty() && (!QUANTITY.matcher(quantity).matches() || Integer.parseInt(quantity) < 1
                || Integer.parseInt(quantity) > MAX_QUANTITY)) {
            errors.add(new RowError(row.number(), "quantity", "quantity"));
        }
        var price = row.get("unit_price").replace(",", "");
        if (!price.isEmpty() && !PRICE.matcher(price).matches()) {
            errors.add(new RowError(row.number(), "unit_price", "price"));
        }
        var shipping = row.get("shipping").replace(",", "");
        if (!shipping.isEmpty() && !PRICE.matcher(shipping).matches()) {
            errors.add(new RowError(row.number(), "shipping", "price"));
        }
        var country = row.get("country").toUpperCase(Locale.ROOT);
        if (!country.isEmpty() && markets.find(country).isEmpty()) {
            errors.add(new RowError(row.number(), "country", "unknown-country"));
        }
        var email = row.get("email");
        if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            errors.add(new RowError(row.number(), "email", "email"));
        }
        var number = row.get("order_number");
        if (!number.isEmpty() && !number.matches("[\\p{L}\\p{N}._/-]{1,64}")) {
            errors.add(new RowError(row.number(), "order_number", "pattern"));
        }
        return errors.size() == before;
    }

    /** The rows of one channel order: they must agree on where it goes. */
    private @Nullable ChannelOrder order(String number, List<Row> rows, Map<String, String> mapped,
            List<RowError> errors) {
        var first = rows.getFirst();
        var place = List.of("recipient", "phone", "address", "postal_code", "country", "email");
        boolean consistent = true;
        for (var row : rows.subList(1, rows.size())) {
            for (var column : place) {
                if (!row.get(column).equalsIgnoreCase(first.get(column))) {
                    errors.add(new RowError(row.number(), column, "inconsistent"));
                    consistent = false;
                }
            }
        }
        var fees = rows.stream().filter(row -> !row.get("shipping").isEmpty()).toList();
        for (var row : fees) {
            if (new BigDecimal(row.get("shipping").replace(",", ""))
                    .compareTo(new BigDecimal(fees.getFirst().get("shipping").replace(",", ""))) != 0) {
                errors.add(new RowError(row.number(), "shipping", "inconsistent"));
                consistent = false;
            }
        }
        if (!consistent) {
            return null;
        }
        var market = markets.find(first.get("country").toUpperCase(Locale.ROOT)).orElseThrow();
        var lines = rows.stream().map(row -> {
            var sku = Objects.requireNonNull(mapped.get(row.get("product_code")));
            var name = row.get("product_name").isEmpty() ? sku : row.get("product_name");
            return new Line(row.number(), sku, name, Integer.parseInt(row.get("quantity")),
                    new BigDecimal(row.get("unit_price").replace(",", "")));
        }).toList();
        var shipTo = new ArrayList<String>();
        shipTo.add(first.get("recipient"));
        shipTo.add(first.get("address"));
        if (!first.get("postal_code").isEmpty()) {
            shipTo.add(first.get("postal_code"));
        }
        if (!first.get("phone").isEmpty()) {
            shipTo.add(first.get("phone"));
        }
        shipTo.add(market.country());
        return new ChannelOrder(number, market, first.get("recipient"), String.join("\n", shipTo),
                first.get("email"), lines, shipping(rows));
    }

    /**
     * The channel's shipping fee of an order: the rows that give one (marketplaces repeat it on every line or put it
     * on the first) must agree (checked with the row); none given: null, the market's rule applies.
     */
    private static @Nullable BigDecimal shipping(List<Row> rows) {
        return rows.stream().map(row -> row.get("shipping").replace(",", "")).filter(value -> !value.isEmpty())
                .findFirst().map(BigDecimal::new).orElse(null);
    }

    private static List<Row> rows(String fileName, List<List<String>> table) {
        if (table.isEmpty()) {
            throw new NotASpreadsheetException(fileName, "empty");
        }
        var header = table.getFirst().stream().map(cell -> cell.strip().toLowerCase(Locale.ROOT)).toList();
        for (var column : REQUIRED) {
            if (!header.contains(column)) {
                throw new NotASpreadsheetException(fileName, "no " + column + " column in the first row");
            }
        }
        for (var column : header) {
            if (!column.isEmpty() && !COLUMNS.contains(column)) {
                throw new NotASpreadsheetException(fileName, "unknown column " + column);
            }
        }
        if (table.size() - 1 > MAX_ROWS) {
            throw new NotASpreadsheetException(fileName, "more than " + MAX_ROWS + " rows");
        }
        var rows = new ArrayList<Row>();
        for (int i = 1; i < table.size(); i++) {
            var values = table.get(i);
            var cells = new LinkedHashMap<String, String>();
            boolean blank = true;
            for (int c = 0; c < header.size(); c++) {
                var value = c < values.size() ? values.get(c).strip() : "";
                blank &= value.isEmpty();
                if (!header.get(c).isEmpty()) {
                    cells.put(header.get(c), value);
                }
            }
            if (!blank) {
                rows.add(new Row(i + 1, cells));
            }
        }
        return rows;
    }

    @Override
    public byte[] template(Format format) {
        var rows = List.of(
                List.of("CP-20261203-0001", "CP-998877", "Vitamin C 1000", "2", "12900", "홍길동", "+82 10-1234-5678",
                        "서울특별시 중구 세종대로 110", "04524", "KR", "", "3000"),
                List.of("CP-20261203-0001", "CP-998878", "Magnesium 300", "1", "15900", "홍길동",
                        "+82 10-1234-5678", "서울특별시 중구 세종대로 110", "04524", "KR", "", ""));
        return Spreadsheets.write(ProductSpreadsheets.Format.valueOf(format.name()), "orders", COLUMNS, rows);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ProductCode> productCodes() {
        return codes.all();
    }

    @Override
    public ProductCode mapProductCode(String channel, String externalCode, String sku, String by) {
        var normalizedChannel = channel.strip().toLowerCase(Locale.ROOT);
        if (!CHANNEL.matcher(normalizedChannel).matches()) {
            throw new IllegalArgumentException("channel");
        }
        var code = externalCode.strip();
        if (code.isEmpty() || code.length() > 64) {
            throw new IllegalArgumentException("externalCode");
        }
        var parsed = Sku.parseOrNull(sku);
        if (parsed == null) {
            throw new IllegalArgumentException("sku");
        }
        var before = codes.find(normalizedChannel, code).orElse(null);
        var after = codes.put(normalizedChannel, code, parsed.value(), by, clock.instant());
        audit.record("marketplace-code.map", "marketplace-code:" + normalizedChannel + "/" + code,
                before == null ? null : before.sku(), after.sku());
        return after;
    }

    @Override
    public boolean unmapProductCode(String channel, String externalCode) {
        var before = codes.find(channel, externalCode).orElse(null);
        if (before == null) {
            return false;
        }
        codes.remove(channel, externalCode);
        audit.record("marketplace-code.unmap", "marketplace-code:" + channel + "/" + externalCode, before.sku(),
                null);
        return true;
    }
}
