package dev.onshore.was.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The storefront's own bundles (messages_*.properties) in the languages with a market of their own and no English
 * fallback wanted: every key of the English bundle, each pattern valid for Spring's MessageFormat.
 */
class StorefrontBundlesUnitTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ja", "th"})
    void hasEveryKeyOfTheEnglishBundleAndNoOther(String language) throws IOException {
        assertThat(load("messages_" + language).stringPropertyNames())
                .isEqualTo(load("messages").stringPropertyNames());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ja", "th"})
    void everyPatternWithArgumentsFormatsAsTheEnglishOneDoes(String language) throws IOException {
        var english = load("messages");
        var translated = load("messages_" + language);
        for (var key : english.stringPropertyNames()) {
            var pattern = english.getProperty(key);
            // Text arguments only; the counts ({0,choice,...}) are numbers.
            if ((pattern.contains("{0}") || pattern.contains("{1}")) && !pattern.contains(",choice")) {
                var text = new MessageFormat(translated.getProperty(key), Locale.of(language))
                        .format(new Object[] {"«a»", "«b»"});
                assertThat(text).as(key).contains(pattern.contains("{0}") ? "«a»" : "«b»")
                        .doesNotContain("{0").doesNotContain("{1");
            }
        }
    }

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (var in = StorefrontBundlesUnitTests.class.getResourceAsStream("/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
