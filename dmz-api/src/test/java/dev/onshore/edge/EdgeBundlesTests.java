package dev.onshore.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.edge.ratelimit.Refusals;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The edge speaks every storefront language: its problem bundle and its waiting-room bundle, key for key. */
class EdgeBundlesTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ko", "id", "ms", "zh", "ja", "th"})
    void everyProblemBundleHasEveryKeyOfTheEnglishOne(String language) throws IOException {
        assertThat(load("messages_" + language).stringPropertyNames())
                .isEqualTo(load("messages").stringPropertyNames());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ko", "id", "ms", "zh_Hans", "ja", "th"})
    void everyWaitingRoomBundleHasEveryKeyOfTheEnglishOne(String suffix) {
        var bundles = new Refusals().messages().bundles();
        assertThat(bundles).containsKey(suffix);
        assertThat(bundles.get(suffix).keySet()).isEqualTo(bundles.get("en").keySet());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ja-JP,ja;q=0.9,en;q=0.5", "th-TH,th;q=0.9"})
    void japaneseAndThaiShoppersGetProblemsAndQueuePagesInTheirLanguage(String acceptLanguage) {
        var locale = Problems.localeOf(acceptLanguage);
        assertThat(locale.getLanguage()).isEqualTo(acceptLanguage.substring(0, 2));
        var waiting = new Refusals().messages().format("wait.estimate", Locale.forLanguageTag(acceptLanguage
                .substring(0, 5)), Map.of("minutes", 3));
        assertThat(waiting).isEqualTo(acceptLanguage.startsWith("ja") ? "待ち時間の目安：約3分"
                : "เวลารอโดยประมาณ: ประมาณ 3 นาที");
    }

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (var in = EdgeBundlesTests.class.getResourceAsStream("/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
