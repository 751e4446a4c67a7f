package dev.onshore.was.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mail bundles: every language has every key, every pattern is valid ICU, plurals follow the language. */
class MailBundlesUnitTests {

    private final dev.onshore.i18n.messages.Messages messages = MailTexts.bundles();

    @Test
    void everyLanguageHasEveryKeyOfTheEnglishBundleAndNoOther() {
        var english = messages.bundles().get("en").keySet();
        messages.bundles().forEach((suffix, patterns) ->
                assertThat(patterns.keySet()).as("keys of mail_%s", suffix).isEqualTo(english));
    }

    @Test
    void everyPatternIsValidIcuMessageFormat() {
        messages.bundles().forEach((suffix, patterns) -> patterns.forEach((key, pattern) ->
                new MessageFormat(pattern, new ULocale(suffix))));
    }

    @Test
    void everyReasonAShopperMayGiveForAReturnOrAnExchangeHasItsLabelInTheMails() {
        for (var reason : dev.onshore.was.orders.ClaimReason.values()) {
            assertThat(messages.bundles().get("en")).containsKey(MailTexts.reasonKey(reason));
        }
    }

    @Test
    void countsArePluralInEnglishAndPlainInIndonesian() {
        var arguments = Map.of("number", "ON1", "items", 1, "placedAt", "today");
        assertThat(messages.format("mail.placed.intro", Locale.US, arguments)).contains("of 1 item on");
        assertThat(messages.format("mail.placed.intro", Locale.US, Map.of("number", "ON1", "items", 3,
                "placedAt", "today"))).contains("of 3 items on");
        assertThat(messages.format("mail.placed.intro", Locale.forLanguageTag("id-ID"), arguments))
                .contains("berisi 1 barang");
    }

    @Test
    void aChineseShopperInChinaReadsSimplifiedChineseAndAnUnknownLanguageReadsEnglish() {
        assertThat(messages.format("mail.greeting", Locale.forLanguageTag("zh-CN"))).isEqualTo("您好，");
        assertThat(messages.format("mail.greeting", Locale.forLanguageTag("vi-VN"))).isEqualTo("Hello,");
    }

    @Test
    void japaneseAndThaiShoppersReadTheirOwnLanguageWithTheirCounts() {
        assertThat(MailTexts.SUFFIXES).contains("ja", "th");
        var arguments = Map.of("number", "ON1", "items", 3, "placedAt", "2026/12/03");
        assertThat(messages.format("mail.greeting", Locale.forLanguageTag("ja-JP"))).isEqualTo("こんにちは。");
        assertThat(messages.format("mail.placed.intro", Locale.forLanguageTag("ja-JP"), arguments))
                .contains("ご注文 ON1（3点）");
        assertThat(messages.format("mail.placed.intro", Locale.forLanguageTag("th-TH"), arguments))
                .contains("คำสั่งซื้อ ON1 จำนวน 3 รายการ");
    }
}
