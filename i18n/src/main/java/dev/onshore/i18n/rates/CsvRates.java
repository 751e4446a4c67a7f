package dev.onshore.i18n.rates;

import java.io.FilterReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a rate CSV from the daily batch (RFC 4180, read by Apache Commons CSV). The header names the columns, in
 * any order and case:
 * <pre>
 * currency,rate,effective          # rate = currency units per one base unit (IDR per KRW: 11.62)
 * currency,base_per_unit,effective # or the other way round (KRW per USD: 1391.5), inverted on import
 * </pre>
 * An optional {@code base} column must match the configured base. {@code effective} is an ISO date (midnight in
 * the given zone) or an ISO date-time with offset. Lines starting with {@code #}, blank lines and a leading byte
 * order mark are skipped. Every problem is reported with its line number, and a file with any problem is rejected
 * whole.
 */
final class CsvRates {

    static final int MAX_LINES = 100_000;
    private static final int MAX_LINE = 1_000;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true).setTrim(true).setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true)
            .setCommentMarker('#').get();

    private CsvRates() {
    }

    static List<ExchangeRate> parse(Reader csv, Currency base, ZoneId zone, Instant recordedAt) throws IOException {
        try (CSVParser parser = header(new FinalLineBreak(withoutByteOrderMark(csv)))) {
            Map<String, Integer> columns = parser.getHeaderMap();
            boolean direct = columns.containsKey("rate");
            if (!columns.containsKey("currency") || !columns.containsKey("effective")
                    || direct == columns.containsKey("base_per_unit")) {
                throw new RateImportException(List.of("header must have currency, effective and exactly one of "
                        + "rate or base_per_unit, got: " + String.join(",", parser.getHeaderNames())));
            }
            List<String> problems = new ArrayList<>();
            List<ExchangeRate> rates = new ArrayList<>();
            for (CSVRecord record : iterate(parser)) {
                // Every record ends with a line break (FinalLineBreak): the parser's count is its last line.
                long line = parser.getCurrentLineNumber();
                if (line > MAX_LINES) {
                    throw new RateImportException(List.of("more than " + MAX_LINES + " lines"));
                }
                if (record.size() != columns.size()) {
                    problems.add("line " + line + ": " + record.size() + " cells, header has " + columns.size());
                    continue;
                }
                if (record.stream().mapToInt(String::length).sum() + record.size() > MAX_LINE) {
                    problems.add("line " + line + ": longer than " + MAX_LINE + " characters");
                    continue;
                }
                try {
                    rates.add(rate(record, direct, base, zone, recordedAt));
                } catch (IllegalArgumentException | DateTimeException e) { // NumberFormatException included
                    problems.add("line " + line + ": " + e.getMessage());
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
    }

    private static CSVParser header(Reader csv) throws IOException {
        try {
            CSVParser parser = CSVParser.builder().setReader(csv).setFormat(FORMAT).get();
            if (parser.getHeaderNames().isEmpty()) {
                throw new RateImportException(List.of("empty file"));
            }
            return parser;
        } catch (IllegalArgumentException | UncheckedIOException e) { // a duplicate or empty column name
            throw new RateImportException(List.of("header: " + e.getMessage()));
        }
    }

    /** The parser's iterator, its read failures (a malformed quote) reported as the file's problem. */
    private static Iterable<CSVRecord> iterate(CSVParser parser) {
        var records = parser.iterator();
        return () -> new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new RateImportException(List.of("line " + parser.getCurrentLineNumber() + ": "
                            + e.getMessage()));
                }
            }

            @Override
            public CSVRecord next() {
                hasNext();
                return records.next();
            }
        };
    }

    private static ExchangeRate rate(CSVRecord record, boolean direct, Currency base, ZoneId zone,
            Instant recordedAt) {
        if (record.isMapped("base") && !record.get("base").equalsIgnoreCase(base.getCurrencyCode())) {
            throw new IllegalArgumentException("base " + record.get("base") + " is not " + base.getCurrencyCode());
        }
        Currency quote = currency(record.get("currency"));
        BigDecimal value = new BigDecimal(record.get(direct ? "rate" : "base_per_unit"));
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("rate must be positive: " + value);
        }
        BigDecimal rate = direct ? value : BigDecimal.ONE.divide(value, ExchangeRates.PRECISION);
        return ExchangeRate.of(base, quote, rate, effective(record.get("effective"), zone), RateSource.CSV, null,
                recordedAt);
    }

    /** Excel writes a byte order mark before the header. */
    private static Reader withoutByteOrderMark(Reader csv) throws IOException {
        PushbackReader reader = new PushbackReader(csv, 1);
        int first = reader.read();
        if (first >= 0 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
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

    /** Adds a line break at the end of a file that lacks one, so that every record's line number is counted alike. */
    private static final class FinalLineBreak extends FilterReader {

        private boolean added;
        private int last = '\n';

        FinalLineBreak(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                last = buffer[offset + read - 1];
                return read;
            }
            if (read < 0 && !added && last != '\n' && last != '\r') {
                added = true;
                buffer[offset] = '\n';
                return 1;
            }
            return read;
        }
    }
}
