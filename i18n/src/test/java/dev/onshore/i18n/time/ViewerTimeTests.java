package dev.onshore.i18n.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class ViewerTimeTests {

    static final Instant ORDER = Instant.parse("2026-06-17T16:30:00Z");

    @Test
    void showsTheSameInstantInEachViewersZoneAndLanguage() {
        assertThat(ViewerTime.dateTime(ORDER, ZoneId.of("America/New_York"), Locale.US))
                .isEqualTo("Jun 17, 2026, 12:30\u202fPM");
        assertThat(ViewerTime.dateTime(ORDER, ViewerTime.OPERATOR_ZONE, Locale.forLanguageTag("ko-KR")))
                .isEqualTo("2026년 6월 18일 오전 1:30"); // not "AM": CLDR 48's abbreviated Korean day period
        assertThat(ViewerTime.dateTime(ORDER, ZoneId.of("Asia/Jakarta"), Locale.forLanguageTag("id-ID")))
                .isEqualTo("17 Jun 2026, 23.30");
    }

    @Test
    void koreanTimesSayOjeonAndOhuNeverAmOrPm() {
        var korean = Locale.forLanguageTag("ko-KR");
        assertThat(ViewerTime.format(ORDER, ViewerTime.OPERATOR_ZONE, korean, ViewerTime.DATE_TIME_ZONE))
                .contains("오전 1:30").doesNotContain("AM");
        assertThat(ViewerTime.dateTime(Instant.parse("2026-06-17T05:00:00Z"), ViewerTime.OPERATOR_ZONE, korean))
                .isEqualTo("2026년 6월 17일 오후 2:00");
    }

    @Test
    void widensOnlyTheDayPeriodFieldNotQuotedText() {
        assertThat(ViewerTime.withWideDayPeriod("MMM d, y 'at' h:mm a")).isEqualTo("MMM d, y 'at' h:mm aaaa");
        assertThat(ViewerTime.withWideDayPeriod("y年M月d日 zah:mm")).isEqualTo("y年M月d日 zaaaah:mm");
        assertThat(ViewerTime.withWideDayPeriod("HH:mm")).isEqualTo("HH:mm");
    }

    @Test
    void givesTheDateInTheViewersZoneNotInUtc() {
        assertThat(ViewerTime.date(ORDER, ZoneId.of("Asia/Tokyo"), Locale.forLanguageTag("ja-JP")))
                .isEqualTo("2026年6月18日");
        assertThat(ViewerTime.date(ORDER, ZoneId.of("UTC"), Locale.forLanguageTag("ja-JP"))).isEqualTo("2026年6月17日");
    }

    @Test
    void formatsWithASkeletonIncludingTheZone() {
        // The Thai locale counts Buddhist-era years; the zone is named as each language names it.
        assertThat(ViewerTime.format(ORDER, ZoneId.of("Asia/Bangkok"), Locale.forLanguageTag("th-TH"),
                ViewerTime.DATE_TIME_ZONE)).isEqualTo("17 \u0e21\u0e34.\u0e22. 2569 23:30 GMT+7");
        assertThat(ViewerTime.format(ORDER, ZoneId.of("America/New_York"), Locale.US, ViewerTime.DATE_TIME_ZONE))
                .isEqualTo("Jun 17, 2026, 12:30\u202fPM EDT");
    }
}
