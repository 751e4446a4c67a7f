package dev.onshore.i18n.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShopperChoiceCodecTests {

    @Test
    void writesACookieSafeValueAndReadsItBack() {
        var choice = new ShopperChoice("ID", Locale.forLanguageTag("id-ID"), Currency.getInstance("IDR"),
                ZoneId.of("Asia/Jakarta"));

        String value = ShopperChoiceCodec.format(choice);

        assertThat(value).isEqualTo("1|ID|id-ID|IDR|Asia/Jakarta").doesNotContain(" ", ";", ",", "\"");
        assertThat(ShopperChoiceCodec.parse(value)).contains(choice);
    }

    @Test
    void leavesUnchosenPartsEmpty() {
        var choice = new ShopperChoice("kr", null, null, null);

        assertThat(ShopperChoiceCodec.format(choice)).isEqualTo("1|KR|||");
        assertThat(ShopperChoiceCodec.parse("1|KR|||")).contains(choice);
    }

    @Test
    void dropsABadOptionalPartInsteadOfTheWholeChoice() {
        assertThat(ShopperChoiceCodec.parse("1|MY|!!|XYZ|Mars/Olympus"))
                .contains(new ShopperChoice("MY", null, null, null));
        assertThat(ShopperChoiceCodec.parse("1|cn|zh-Hans-CN|CNY|"))
                .contains(new ShopperChoice("CN", Locale.forLanguageTag("zh-Hans-CN"), Currency.getInstance("CNY"),
                        null));
    }

    @ParameterizedTest(name = "[{index}] is no choice")
    @ValueSource(strings = {"", "garbage", "1|", "1|K|||", "1|KOR|||", "2|KR|||", "1|KR||", "1|KR|||||",
        "1|12|||", "1|KR|ko KR|||", "1|KR|ko-KR|KRW|Asia/Seoul;x=1", "\u0000", "1|ÅÅ|||", "1|KR|😀|||",
        "%31%7CKR%7C%7C%7C"})
    void parsesGarbageAsNoChoice(String value) {
        assertThat(ShopperChoiceCodec.parse(value)).isEmpty();
    }

    @Test
    void parsesNullAndOverlongValuesAsNoChoice() {
        assertThat(ShopperChoiceCodec.parse(null)).isEmpty();
        assertThat(ShopperChoiceCodec.parse("1|KR|||" + "x".repeat(10_000))).isEmpty();
    }
}
