package dev.onshore.was.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The internal WAS's bundles (storefront pages, mails' subjects, every problem detail) stay in step: each storefront
 * language has every English key, no key English lacks, and the same arguments. Problem type URIs
 * ({@code problemDetail.type.*}) are not words: they live in the English bundle only.
 */
class MessageBundlesUnitTests {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    @ParameterizedTest(name = "messages_{0}")
    @ValueSource(strings = {"ko", "id", "ms", "zh"})
    void everyLanguageHasEveryEnglishKeyWithTheSameArguments(String language) throws IOException {
        var english = load("messages.properties");
        var translated = load("messages_" + language + ".properties");

        var missing = new TreeSet<String>();
        for (var key : english.stringPropertyNames()) {
            if (!key.startsWith("problemDetail.type.") && !translated.containsKey(key)) {
                missing.add(key);
            }
        }
        assertThat(missing).as("keys missing from messages_%s", language).isEmpty();
        var unknown = new TreeSet<>(translated.stringPropertyNames());
        unknown.removeAll(english.stringPropertyNames());
        assertThat(unknown).as("keys in messages_%s but not in English", language).isEmpty();
        for (var key : translated.stringPropertyNames()) {
            assertThat(arguments(translated.getProperty(key))).as("%s in messages_%s", key, language)
                    .isEqualTo(arguments(english.getProperty(key)));
        }
    }

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (InputStream in = MessageBundlesUnitTests.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<String> arguments(String pattern) {
        var found = new TreeSet<String>();
        var matcher = ARGUMENT.matcher(pattern);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
