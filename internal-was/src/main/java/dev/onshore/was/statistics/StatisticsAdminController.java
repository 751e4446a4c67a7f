package dev.onshore.was.statistics;

import dev.onshore.was.adminapi.AdminAccess;
import dev.onshore.was.adminapi.InvalidInputException;
import dev.onshore.was.adminapi.OperatorRole;
import dev.onshore.was.catalog.ProductAdministration;
import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.catalog.UnknownProductException;
import dev.onshore.was.orders.SalesStatistics;
import dev.onshore.was.orders.SalesStatistics.Figure;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A period's sales for finance (and ADMIN, VIEWER): days are Korean days (KST has no daylight saving, so a day is
 * always 24 hours from 15:00 UTC). A missing or blank {@code from}/{@code to} takes its default (the 30 days up to
 * today); a date that cannot be read, {@code from} after {@code to} or more than 366 days is refused.
 */
@RestController
@AdminAccess(OperatorRole.FINANCE)
class StatisticsAdminController {

    static final ZoneId KST = ZoneId.of("Asia/Seoul");
    static final int MAX_DAYS = 366;
    static final int DEFAULT_DAYS = 30;
    /** The category of products the catalog no longer knows or that have none. */
    static final String NO_CATEGORY = "-";

    /**
     * The report.
     *
     * @param from the first day, inclusive (KST)
     * @param to the last day, inclusive (KST)
     */
    record SalesReport(LocalDate from, LocalDate to, String zone, List<Figure> byDay, List<Figure> byMarket,
            List<Figure> byCurrency, List<Figure> byCategory, List<Figure> byProduct,
            List<SalesStatistics.RatesUsed> ratesUsed) {
    }

    private final SalesStatistics statistics;
    private final ProductAdministration products;
    private final ProductCatalog catalog;
    private final Clock clock;

    StatisticsAdminController(SalesStatistics statistics, ProductAdministration products, ProductCatalog catalog,
            Clock clock) {
        this.statistics = statistics;
        this.products = products;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping("/api/admin/statistics/sales")
    SalesReport sales(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, Locale locale) {
        var problems = new ArrayList<InvalidInputException.Problem>();
        var toDay = day(to, "to", problems);
        var fromDay = day(from, "from", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var last = toDay != null ? toDay : fromDay != null ? fromDay.plusDays(DEFAULT_DAYS - 1) : LocalDate.now(clock.withZone(KST));
        var first = fromDay != null ? fromDay : last.minusDays(DEFAULT_DAYS - 1);
        if (first.isAfter(last)) {
            throw new InvalidInputException("to", "range");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw new InvalidInputException("from", "range");
        }
        var start = first.atStartOfDay(KST).toInstant();
        var end = last.plusDays(1).atStartOfDay(KST).toInstant();
        var byProduct = statistics.byProduct(start, end);
        return new SalesReport(first, last, KST.getId(), statistics.byDay(start, end, offset(start)),
                statistics.byMarket(start, end), statistics.byCurrency(start, end),
                byCategory(byProduct, locale.getLanguage()), byProduct, statistics.ratesUsed(start, end));
    }

    /** KST's one offset; a zone with daylight saving would need a day query per offset. */
    private static ZoneOffset offset(java.time.Instant at) {
        return KST.getRules().getOffset(at);
    }

    /**
     * The products' figures rolled up to their categories (a few rows per SKU sold, so summed here), labelled in the
     * operator's language, highest base revenue first.
     */
    private List<Figure> byCategory(List<Figure> byProduct, String language) {
        var categoryOf = new HashMap<String, String>();
        var sums = new LinkedHashMap<String, Figure>();
        for (var figure : byProduct) {
            var category = categoryOf.computeIfAbsent(figure.key(), this::category);
            sums.merge(category + " " + figure.currency(),
                    new Figure(category, category, figure.currency(), figure.orders(), figure.paidOrders(),
                            figure.units(), figure.revenue(), figure.baseCurrency(), figure.revenueInBase()),
                    (a, b) -> new Figure(a.key(), a.label(), a.currency(), a.orders() + b.orders(),
                            a.paidOrders() + b.paidOrders(), a.units() + b.units(), a.revenue().add(b.revenue()),
                            a.baseCurrency(), a.revenueInBase().add(b.revenueInBase())));
        }
        var names = new HashMap<String, String>();
        return sums.values().stream()
                .map(f -> new Figure(f.key(), names.computeIfAbsent(f.key(), code -> name(code, language)),
                        f.currency(), f.orders(), f.paidOrders(), f.units(), f.revenue(), f.baseCurrency(),
                        f.revenueInBase()))
                .sorted(Comparator.comparing(Figure::revenueInBase, Comparator.<BigDecimal>reverseOrder())
                        .thenComparing(Figure::key).thenComparing(Figure::currency))
                .toList();
    }

    private String category(String sku) {
        var parsed = Sku.parseOrNull(sku);
        if (parsed == null) {
            return NO_CATEGORY;
        }
        try {
            var category = products.sheet(parsed, "en").category();
            return category == null ? NO_CATEGORY : category;
        } catch (UnknownProductException deleted) {
            return NO_CATEGORY;
        }
    }

    private String name(String code, String language) {
        if (code.equals(NO_CATEGORY)) {
            return code;
        }
        return catalog.category(code, language).map(c -> c.name()).orElse(code);
    }

    private static @Nullable LocalDate day(@Nullable String value, String field,
            List<InvalidInputException.Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInputException.Problem(field, "pattern"));
            return null;
        }
    }

}
