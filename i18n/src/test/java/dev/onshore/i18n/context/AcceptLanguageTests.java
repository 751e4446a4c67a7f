package dev.onshore.i18n.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AcceptLanguageTests {

    @Test
    void sortsRangesByQualityKeepingHeaderOrderOnTies() {
        var header = AcceptLanguage.parse("en;q=0.5, id-ID, ko;q=0.8, ms , zh-Hans-CN;q=0.8");

        assertThat(header.ranges()).extracting(AcceptLanguage.Range::tag)
                .containsExactly("id-id", "ms", "ko", "zh-hans-cn", "en");
        assertThat(header.ranges()).extracting(AcceptLanguage.Range::quality)
                .containsExactly(1000, 1000, 800, 800, 500);
    }

    @Test
    void keepsWildcardsAndZeroQualitiesForTheMatcherToInterpret() {
        var header = AcceptLanguage.parse("*;q=0.1, en;q=0, ko");

        assertThat(header.ranges()).containsExactly(new AcceptLanguage.Range("ko", 1000),
                new AcceptLanguage.Range("*", 100), new AcceptLanguage.Range("en", 0));
        assertThat(header.ranges().get(1).isWildcard()).isTrue();
    }

    @Test
    void skipsMalformedEntriesButKeepsTheGoodOnes() {
        var header = AcceptLanguage.parse("en-US;q=2, 12-ab, ko;q=abc, th, x--y, id;q=0.123, ja;q=0.1234, ;q=0.5, "
                + "vi;level=1, toolongsubtag-x, ms ;  q = 0.5");

        assertThat(header.ranges()).extracting(AcceptLanguage.Range::tag).containsExactly("th", "id");
    }

    @ParameterizedTest(name = "[{index}] gives no ranges")
    @ValueSource(strings = {"", " ", ",,,", ";;;", "q=1", "\u0000\u0001", "😀", "en\u0000", "ko-KR\r\nX-Evil: 1",
        "-", "en-", "*-*", "Ελληνικά"})
    void givesNoRangesForGarbage(String header) {
        assertThat(AcceptLanguage.parse(header).ranges()).isEmpty();
    }

    @Test
    void givesNoRangesForNull() {
        assertThat(AcceptLanguage.parse(null).ranges()).isEmpty();
    }

    @Test
    void readsABoundedPrefixOfAHugeHeader() {
        String huge = "ko-KR;q=0.9," + "en;q=0.1,".repeat(1200); // about 10 KB

        var header = AcceptLanguage.parse(huge);

        assertThat(huge.length()).isGreaterThan(10_000);
        assertThat(header.ranges()).hasSizeLessThanOrEqualTo(AcceptLanguage.MAX_RANGES);
        assertThat(header.ranges().getFirst().tag()).isEqualTo("ko-kr");
    }

    @Test
    void readsQValuesWithUpToThreeDecimals() {
        assertThat(AcceptLanguage.parse("a;q=0.001,b;q=1.000,c;q=1,d;q=0.5,e;q=0").ranges())
                .extracting(AcceptLanguage.Range::quality).containsExactly(1000, 1000, 500, 1, 0);
        assertThat(AcceptLanguage.parse("a;q=1.001").ranges()).isEmpty();
        assertThat(List.of(AcceptLanguage.parse("a;Q=0.7").ranges().getFirst().quality())).containsExactly(700);
    }
}
