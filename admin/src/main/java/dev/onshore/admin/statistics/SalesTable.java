package dev.onshore.admin.statistics;

import dev.onshore.admin.AmountFormat;
import dev.onshore.i18n.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.context.MessageSource;

/**
 * The table the statistics screen shows for one view, cell by cell: the page, the CSV and the .xlsx file are all
 * written from this one object, so an export holds exactly what the operator saw. Each cell has the text shown
 * (amounts formatted for the operator's locale) and a plain value for files (amounts rounded to their currency's
 * digits, no grouping): the page carries the value in {@code data-value}.
 *
 * @param headers the column headings in the operator's language
 * @param rows the rows, in the order shown
 */
record SalesTable(String view, List<String> headers, List<Row> rows) {

    /**
     * One row: its cells, and for the chart its group, currency and amount in the base currency.
     *
     * @param group what the row is of (a day, market, currency, category or product), as the chart's axis names it
     */
    record Row(String group, String currency, String inBase, List<Cell> cells) {
    }

    /** What the screen can group by. */
    static final List<String> VIEWS = List.of("day", "market", "currency", "category", "product");

    /**
     * One cell.
     *
     * @param numeric a count or an amount (right-aligned; a count is a number cell in .xlsx)
     * @param amount an amount: kept as exact decimal text in files
     */
    record Cell(String text, String value, boolean numeric, boolean amount) {

        static Cell text(String text) {
            return new Cell(text, text, false, false);
        }

        static Cell count(long count, Locale locale) {
            return new Cell(java.text.NumberFormat.getIntegerInstance(locale).format(count), Long.toString(count),
                    true, false);
        }

        static Cell money(BigDecimal amount, String currency, Locale locale) {
            var money = Money.of(amount, Currency.getInstance(currency)).rounded();
            return new Cell(AmountFormat.format(money, locale), money.amount().toPlainString(), true, true);
        }
    }

    /** A column: its heading's message key and the cell of a figure. */
    private record Column(String key, Function<SalesReport.Figure, Cell> cell) {
    }

    static SalesTable of(SalesReport report, String view, Locale locale, MessageSource messages) {
        var columns = new ArrayList<Column>();
        switch (view) {
            case "day" -> columns.add(new Column("statistics.column.day", f -> Cell.text(f.key())));
            case "market" -> columns.add(new Column("statistics.column.market", f -> Cell.text(f.key())));
            case "category" -> columns.add(new Column("statistics.column.category", f -> Cell.text(
                    f.label().equals("-") ? messages.getMessage("statistics.noCategory", null, locale) : f.label())));
            case "product" -> {
                columns.add(new Column("statistics.column.sku", f -> Cell.text(f.key())));
                columns.add(new Column("statistics.column.product", f -> Cell.text(f.label())));
            }
            default -> {
                // currency: the currency column alone names the row
            }
        }
        columns.add(new Column("statistics.column.currency", f -> Cell.text(f.currency())));
        var lines = view.equals("category") || view.equals("product");
        if (lines) {
            columns.add(new Column("statistics.column.paidOrders", f -> Cell.count(f.paidOrders(), locale)));
            columns.add(new Column("statistics.column.units", f -> Cell.count(f.units(), locale)));
            columns.add(new Column("statistics.column.lineRevenue", f -> Cell.money(f.revenue(), f.currency(), locale)));
        } else {
            columns.add(new Column("statistics.column.orders", f -> Cell.count(f.orders(), locale)));
            columns.add(new Column("statistics.column.paidOrders", f -> Cell.count(f.paidOrders(), locale)));
            columns.add(new Column("statistics.column.revenue", f -> Cell.money(f.revenue(), f.currency(), locale)));
        }
        columns.add(new Column("statistics.column.revenueInBase",
                f -> Cell.money(f.revenueInBase(), f.baseCurrency(), locale)));
        var figures = switch (view) {
            case "market" -> report.byMarket();
            case "currency" -> report.byCurrency();
            case "category" -> report.byCategory();
            case "product" -> report.byProduct();
            default -> report.byDay();
        };
        var headers = columns.stream().map(c -> messages.getMessage(c.key(), null, locale)).toList();
        var rows = figures.stream().map(f -> {
            var cells = columns.stream().map(c -> c.cell().apply(f)).toList();
            var group = view.equals("product") ? f.key() : cells.getFirst().text();
            return new Row(group, f.currency(), cells.getLast().value(), cells);
        }).toList();
        return new SalesTable(view, headers, rows);
    }

    /** The view asked for, or the days when none or an unknown one was asked for (a filter left empty). */
    static String view(@org.jspecify.annotations.Nullable String asked) {
        return asked != null && VIEWS.contains(asked.strip()) ? asked.strip() : "day";
    }
}
