package dev.onshore.i18n.rates;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Reads a rate CSV from the daily batch. The header names the columns, in any order:
 * <pre>
 * currency,rate,effective          # rate = currency units per one base unit (IDR per KRW: 11.62)
 * currency,base_per_unit,effective # or the other way round (KRW per USD: 1391.5), inverted on import
 * </pre>
 * An optional {@code base} column must match the configured base. {@code effective} is an ISO date (midnight in
 * the given zone) or an ISO date-time with offset. Lines starting with {@code #} and blank lines are skipped.
 * Every problem is reported with its line number, and a file with any problem is rejected whole.
 */
final class CsvRates {

    static final int MAX_LINES = 100_000;
    private static final int MAX_LINE = 1_000;

    private CsvRates() {
    }

    static List<ExchangeRate> parse(Reader csv, Currency base, ZoneId zone, Instant recordedAt) throws IOException {
        BufferedReader lines = new BufferedReader(csv);
        List<String> problems = new ArrayList<>();
        String header = nextContentLine(lines);
        if (header == null) {
            throw new RateImportException(List.of("empty file"));
        }
        List<String> columns = Arrays.stream(header.split(",", -1)).map(c -> c.strip().toLowerCase(Locale.ROOT))
                .toList();
        int currencyAt = columns.indexOf("currency");
        int rateAt = columns.indexOf("rate");
        int inverseAt = columns.indexOf("base_per_unit");
        int effectiveAt = columns.indexOf("effective");
        int baseAt = columns.indexOf("base");
        if (currencyAt < 0 || effectiveAt < 0 || (rateAt < 0) == (inverseAt < 0)) {
            throw new RateImportException(List.of("header must have currency, effective and exactly one of rate or "
                    + "base_per_unit, got: " + header));
        }
        List<ExchangeRate> rates = new ArrayList<>();
        int number = 1;
        String line;
        while ((line = lines.readLine()) != null) {
            number++;
            if (number > MAX_LINES) {
                throw new RateImportException(List.of("more than " + MAX_LINES + " lines"));
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.length() > MAX_LINE) {
                problems.add("line " + number + ": longer than " + MAX_LINE + " characters");
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != columns.size()) {
                problems.add("line " + number + ": " + cells.length + " cells, header has " + columns.size());
                continue;
            }
            try {
                if (baseAt >= 0 && !cells[baseAt].strip().equalsIgnoreCase(base.getCurrencyCode())) {
                    throw new IllegalArgumentException("base " + cells[baseAt].strip() + " is not "
                            + base.getCurrencyCode());
                }
                Currency quote = currency(cells[currencyAt].strip());
                BigDecimal value = new BigDecimal(cells[rateAt >= 0 ? rateAt : inverseAt].strip());
                if (value.signum() <= 0) {
                    throw new IllegalArgumentException("rate must be positive: " + value);
                }
                BigDecimal rate = rateAt >= 0 ? value : BigDecimal.ONE.divide(value, ExchangeRates.PRECISION);
                rates.add(ExchangeRate.of(base, quote, rate, effective(cells[effectiveAt].strip(), zone),
                        RateSource.CSV, null, recordedAt));
            } catch (IllegalArgumentException | DateTimeException e) { // NumberFormatException included
                problems.add("line " + number + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new RateImportException(problems);
        }
        if (rates.isEmpty()) {
            throw new RateImportException(List.of("no rates in file"));
        }
        return List.copyOf(rates);
    }

    private static @Nullable String nextContentLine(BufferedReader lines) throws IOException {
        String line;
        while ((line = lines.readLine()) != null) {
            if (!line.isBlank() && !line.startsWith("#")) {
                return line.startsWith("\uFEFF") ? line.substring(1) : line; // Excel's byte order mark
            }
        }
        return null;
    }

    private static Currency currency(String code) {
        if (code.length() != 3) {
            throw new IllegalArgumentException("not an ISO 4217 currency code: '" + code + "'");
        }
        try {
            return Currency.getInstance(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown currency '" + code + "'");
        }
    }

    private static Instant effective(String text, ZoneId zone) {
        return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(zone).toInstant()
                : OffsetDateTime.parse(text).toInstant();
    }
}
