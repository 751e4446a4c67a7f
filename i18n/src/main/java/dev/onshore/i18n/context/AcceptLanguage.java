package dev.onshore.i18n.context;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code Accept-Language} header (RFC 9110 §12.5.4): language ranges with q-values, highest first.
 * Parsing never throws: malformed entries are skipped one by one, and only the first {@value #MAX_RANGES} entries
 * of the first {@value #MAX_HEADER} characters are read, so a 10 KB header costs no more than a normal one.
 *
 * @param ranges well-formed ranges, lower-cased, sorted by q-value descending (header order on ties); never null
 */
public record AcceptLanguage(List<Range> ranges) {

    static final int MAX_HEADER = 1024;
    static final int MAX_RANGES = 32;
    private static final int MAX_RANGE = 35; // RFC 5646 recommends supporting 35 characters
    private static final AcceptLanguage EMPTY = new AcceptLanguage(List.of());

    public AcceptLanguage {
        ranges = List.copyOf(Objects.requireNonNull(ranges, "ranges"));
    }

    /**
     * @param tag     a lower-case language range such as {@code id-id} or {@code *}
     * @param quality the q-value in thousandths, 0 to 1000; 0 means "not acceptable"
     */
    public record Range(String tag, int quality) {
        public Range {
            Objects.requireNonNull(tag, "tag");
            if (quality < 0 || quality > 1000) {
                throw new IllegalArgumentException("quality must be 0..1000: " + quality);
            }
        }

        public boolean isWildcard() {
            return "*".equals(tag);
        }
    }

    /** Parses a header value; null, blank or garbage gives no ranges. */
    public static AcceptLanguage parse(@Nullable String header) {
        if (header == null || header.isEmpty()) {
            return EMPTY;
        }
        int end = Math.min(header.length(), MAX_HEADER);
        List<Range> ranges = new ArrayList<>(4);
        int start = 0;
        while (start < end && ranges.size() < MAX_RANGES) {
            int comma = header.indexOf(',', start);
            int stop = comma < 0 || comma > end ? end : comma;
            Range range = entry(header, start, stop);
            if (range != null) {
                ranges.add(range);
            }
            start = stop + 1;
        }
        if (ranges.isEmpty()) {
            return EMPTY;
        }
        ranges.sort(Comparator.comparingInt(Range::quality).reversed()); // List.sort is stable
        return new AcceptLanguage(ranges);
    }

    private static @Nullable Range entry(String header, int from, int to) {
        int semicolon = header.indexOf(';', from);
        int tagEnd = semicolon < 0 || semicolon > to ? to : semicolon;
        String tag = languageRange(header, from, tagEnd);
        if (tag == null) {
            return null;
        }
        int quality = 1000;
        if (tagEnd < to) {
            quality = quality(header, tagEnd + 1, to);
            if (quality < 0) {
                return null;
            }
        }
        return new Range(tag, quality);
    }

    /** {@code 1*8ALPHA *("-" 1*8alphanum)} or {@code *}, trimmed of spaces and tabs; lower-cased. */
    private static @Nullable String languageRange(String s, int from, int to) {
        while (from < to && isSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(s.charAt(to - 1))) {
            to--;
        }
        int length = to - from;
        if (length == 0 || length > MAX_RANGE) {
            return null;
        }
        if (length == 1 && s.charAt(from) == '*') {
            return "*";
        }
        int subtag = 0;
        boolean first = true;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '-') {
                if (subtag == 0) {
                    return null;
                }
                subtag = 0;
                first = false;
            } else if (isAlpha(c) || (!first && c >= '0' && c <= '9')) {
                if (++subtag > 8) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return subtag == 0 ? null : s.substring(from, to).toLowerCase(Locale.ROOT);
    }

    /** Parses {@code q=0.8} (whitespace allowed around); -1 when malformed. Other parameters are malformed too. */
    private static int quality(String s, int from, int to) {
        while (from < to && isSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(s.charAt(to - 1))) {
            to--;
        }
        if (to - from < 3 || (s.charAt(from) != 'q' && s.charAt(from) != 'Q') || s.charAt(from + 1) != '=') {
            return -1;
        }
        int i = from + 2;
        char lead = s.charAt(i);
        if (lead != '0' && lead != '1') {
            return -1;
        }
        int value = (lead - '0') * 1000;
        i++;
        if (i == to) {
            return value;
        }
        if (s.charAt(i) != '.' || to - i > 4) {
            return -1;
        }
        int scale = 100;
        for (i++; i < to; i++, scale /= 10) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value += (c - '0') * scale;
        }
        return value > 1000 ? -1 : value;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
