package dev.onshore.was.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The storefront's own bundles (messages_*.properties) in every storefront language (Korean, Indonesian, Malay,
 * Simplified Chinese, Japanese, Thai), none of which wants an English fallback: every key of the English bundle,
 * each pattern valid for Spring's MessageFormat.
 */
class StorefrontBundlesUnitTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ko", "id", "ms", "zh", "ja", "th"})
    void hasEveryKeyOfTheEnglishBundleAndNoOther(String language) throws IOException {
        var english = load("messages").stringPropertyNames();
        var translated = load("messages_" + language).stringPropertyNames();
        var missing = new TreeSet<>(english);
        missing.removeAll(translated);
        var unknown = new TreeSet<>(translated);
        unknown.removeAll(english);
        assertThat(missing).as("keys of messages.properties missing from messages_%s.properties", language).isEmpty();
        assertThat(unknown).as("keys of messages_%s.properties unknown to messages.properties", language).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ko", "id", "ms", "zh", "ja", "th"})
    void everyPatternWithArgumentsFormatsAsTheEnglishOneDoes(String language) throws IOException {
        var english = load("messages");
        var translated = load("messages_" + language);
        for (var key : english.stringPropertyNames()) {
            var pattern = english.getProperty(key);
            // Text arguments only; the counts ({0,choice,...}) are numbers.
            if ((pattern.contains("{0}") || pattern.contains("{1}")) && !pattern.contains(",choice")) {
                assertThat(translated.getProperty(key)).as(key).isNotNull();
                var text = new MessageFormat(translated.getProperty(key), Locale.of(language))
                        .format(new Object[] {"«a»", "«b»"});
                assertThat(text).as(key).doesNotContain("{0").doesNotContain("{1");
                if (pattern.contains("{0}")) {
                    assertThat(text).as(key).contains("«a»");
                }
                if (pattern.contains("{1}")) {
                    assertThat(text).as(key).contains("«b»");
                }
            }
        }
    }

    @ParameterizedTest(name = "messages{0}")
    @ValueSource(strings = {"", "_ko", "_id", "_ms", "_zh", "_ja", "_th"})
    void everyApostropheOfAPatternWithArgumentsIsDoubledSoThatItIsShown(String suffix) throws IOException {
        var bundle = load("messages" + suffix);
        for (var key : bundle.stringPropertyNames()) {
            var pattern = bundle.getProperty(key);
            // MessageFormat reads a single apostrophe as the start of quoted text and drops it.
            if (pattern.matches("(?s).*\\{\\d.*")) {
                assertThat(pattern.replace("''", "")).as(key).doesNotContain("'");
            }
        }
    }

    @ParameterizedTest(name = "messages{0}")
    @ValueSource(strings = {"", "_ko", "_id", "_ms", "_zh", "_ja", "_th"})
    void namesEveryKeyOnce(String suffix) throws IOException {
        // Properties keeps the last of two lines with one key: a merge that adds a key twice (the bundles merge by
        // union) silently replaces a translation.
        var seen = new TreeSet<String>();
        var twice = new TreeSet<String>();
        try (var in = StorefrontBundlesUnitTests.class.getResourceAsStream("/messages" + suffix + ".properties")) {
            assertThat(in).isNotNull();
            for (var line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                var trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) {
                    continue;
                }
                var key = trimmed.substring(0, trimmed.indexOf('=')).strip();
                if (!seen.add(key)) {
                    twice.add(key);
                }
            }
        }
        assertThat(twice).as("keys named twice in messages%s.properties", suffix).isEmpty();
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
