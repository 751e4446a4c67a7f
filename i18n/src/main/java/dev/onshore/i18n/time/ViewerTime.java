package dev.onshore.i18n.time;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.DateTimePatternGenerator;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shows stored UTC instants in a viewer's time zone and locale, with ICU (CLDR patterns): shoppers see their market's
 * zone or the one they chose, operators see KST unless they chose otherwise. Thread-safe: ICU formats are not, so a
 * cached prototype is cloned per call.
 *
 * <p>A 12-hour time names its day period in full ({@code aaaa}): since CLDR 48 the abbreviated Korean one is
 * "AM"/"PM", while Korean readers expect 오전/오후; in the other storefront languages both widths are the same.
 */
public final class ViewerTime {

    /** Operators' default zone (Korea Standard Time). */
    public static final ZoneId OPERATOR_ZONE = ZoneId.of("Asia/Seoul");

    /** Skeleton for an order date-time: year, abbreviated month, day, hour and minute in the locale's cycle. */
    public static final String DATE_TIME = "yMMMdjmm";
    /** Skeleton for a date only. */
    public static final String DATE = "yMMMd";
    /** Skeleton for a date-time with the zone's short name, e.g. for a sale's start. */
    public static final String DATE_TIME_ZONE = "yMMMdjmmz";

    private static final ConcurrentHashMap<Key, DateFormat> PROTOTYPES = new ConcurrentHashMap<>();

    private ViewerTime() {
    }

    /** Date and time, e.g. "2026년 6월 17일 오후 4:00" (ko-KR) or "Jun 17, 2026, 3:00 PM" (en-US). */
    public static String dateTime(Instant instant, ZoneId zone, Locale locale) {
        return format(instant, zone, locale, DATE_TIME);
    }

    /** Date only, in the viewer's zone (the date can differ from the UTC date). */
    public static String date(Instant instant, ZoneId zone, Locale locale) {
        return format(instant, zone, locale, DATE);
    }

    /**
     * Formats with an ICU skeleton (fields wanted, not their order: ICU picks the locale's pattern).
     *
     * @param skeleton e.g. {@link #DATE_TIME}; never null
     */
    public static String format(Instant instant, ZoneId zone, Locale locale, String skeleton) {
        Objects.requireNonNull(instant, "instant");
        DateFormat format = (DateFormat) PROTOTYPES.computeIfAbsent(new Key(ULocale.forLocale(locale), skeleton),
                key -> new SimpleDateFormat(withWideDayPeriod(DateTimePatternGenerator.getInstance(key.locale())
                        .getBestPattern(key.skeleton())), key.locale())).clone();
        format.setTimeZone(TimeZone.getTimeZone(zone.getId()));
        return format.format(Date.from(instant));
    }

    /** The pattern with each day period field ({@code a} to {@code aaa}) widened; quoted text left alone. */
    static String withWideDayPeriod(String pattern) {
        var widened = new StringBuilder(pattern.length() + 3);
        var quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c != 'a' || quoted) {
                widened.append(c);
                continue;
            }
            int end = i;
            while (end < pattern.length() && pattern.charAt(end) == 'a') {
                end++;
            }
            widened.append("aaaa");
            i = end - 1;
        }
        return widened.toString();
    }

    private record Key(ULocale locale, String skeleton) {
    }
}
