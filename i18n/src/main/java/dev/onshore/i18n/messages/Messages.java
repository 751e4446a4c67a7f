package dev.onshore.i18n.messages;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ICU MessageFormat bundles per locale, read from the classpath as UTF-8 properties
 * ({@code dev/onshore/i18n/messages/<name>_<suffix>.properties}, suffixes such as {@code en}, {@code ko},
 * {@code zh_Hans}). A locale falls back from most to least specific with likely subtags added ({@code zh-CN} finds
 * {@code zh_Hans}, {@code zh-TW} does not), then to English, which must hold every key.
 * <p>
 * Patterns use named arguments ({@code {count, plural, one {# item} other {# items}}}); apps wrap this as a Spring
 * {@code MessageSource}. Thread-safe.
 */
public final class Messages {

    /** The suffixes of the storefront bundles shipped here. */
    public static final List<String> STOREFRONT_SUFFIXES =
            List.of("en", "ko", "id", "ms", "zh_Hans", "ja", "th", "vi");
    private static final String FALLBACK = "en";
    private static final String ROOT = "dev/onshore/i18n/messages/";

    private final Map<String, Map<String, String>> bundles;
    private final ConcurrentHashMap<Locale, List<Map<String, String>>> chains = new ConcurrentHashMap<>();

    /**
     * @param bundles suffix → key → pattern; must contain {@code en}
     */
    public Messages(Map<String, Map<String, String>> bundles) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        bundles.forEach((suffix, patterns) -> copy.put(suffix, Map.copyOf(patterns)));
        if (!copy.containsKey(FALLBACK)) {
            throw new IllegalArgumentException("bundles need the English fallback '" + FALLBACK + "'");
        }
        this.bundles = Map.copyOf(copy);
    }

    /** The storefront bundles shipped with this library. */
    public static Messages storefront() {
        return load("storefront", STOREFRONT_SUFFIXES);
    }

    /**
     * Loads {@code <name>_<suffix>.properties} for each suffix from this library's message folder.
     *
     * @throws UncheckedIOException when a bundle is missing or unreadable
     */
    public static Messages load(String name, List<String> suffixes) {
        Map<String, Map<String, String>> bundles = new LinkedHashMap<>();
        for (String suffix : suffixes) {
            bundles.put(suffix, read(ROOT + name + "_" + suffix + ".properties"));
        }
        return new Messages(bundles);
    }

    /** Every bundle's patterns by suffix; for checks such as "every key in every bundle". */
    public Map<String, Map<String, String>> bundles() {
        return bundles;
    }

    /** The keys of the English bundle, which has them all. */
    public Set<String> keys() {
        return bundles.get(FALLBACK).keySet();
    }

    /** The pattern for {@code key} in the most specific bundle that has it; empty for unknown keys. */
    public Optional<String> pattern(String key, Locale locale) {
        for (Map<String, String> bundle : chain(locale)) {
            String pattern = bundle.get(key);
            if (pattern != null) {
                return Optional.of(pattern);
            }
        }
        return Optional.empty();
    }

    /**
     * Formats a message with named arguments (numbers, dates as {@link java.util.Date}, strings).
     *
     * @throws IllegalArgumentException for an unknown key
     */
    public String format(String key, Locale locale, Map<String, ?> arguments) {
        String pattern = pattern(key, locale)
                .orElseThrow(() -> new IllegalArgumentException("No message '" + key + "' in any bundle"));
        return new MessageFormat(pattern, ULocale.forLocale(locale)).format(arguments);
    }

    /** Formats a message that takes no arguments. */
    public String format(String key, Locale locale) {
        return format(key, locale, Map.of());
    }

    private List<Map<String, String>> chain(Locale locale) {
        return chains.computeIfAbsent(locale, this::buildChain);
    }

    private List<Map<String, String>> buildChain(Locale locale) {
        ULocale full = ULocale.addLikelySubtags(ULocale.forLocale(locale));
        String language = full.getLanguage();
        String script = full.getScript();
        String country = full.getCountry();
        List<String> suffixes = new ArrayList<>();
        if (!script.isEmpty() && !country.isEmpty()) {
            suffixes.add(language + "_" + script + "_" + country);
        }
        if (!script.isEmpty()) {
            suffixes.add(language + "_" + script);
        }
        if (!country.isEmpty()) {
            suffixes.add(language + "_" + country);
        }
        // The bare language only when its likely script is the one asked for: zh means zh_Hans, never for zh_Hant.
        ULocale bare = ULocale.addLikelySubtags(new ULocale(language));
        if (bare.getScript().equals(script)) {
            suffixes.add(language);
        }
        suffixes.add(FALLBACK);
        List<Map<String, String>> chain = new ArrayList<>();
        for (String suffix : suffixes) {
            Map<String, String> bundle = bundles.get(suffix);
            if (bundle != null && !chain.contains(bundle)) {
                chain.add(bundle);
            }
        }
        return List.copyOf(chain);
    }

    private static Map<String, String> read(String resource) {
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("message bundle not found: " + resource));
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> patterns = new LinkedHashMap<>();
            properties.stringPropertyNames().forEach(key -> patterns.put(key, properties.getProperty(key)));
            return patterns;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read message bundle " + resource, e);
        }
    }
}
