package dev.onshore.i18n.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The build check on the bundles: every message parses, and no bundle misses a key unless it may. */
class MessageBundlesTests {

    final Messages messages = Messages.storefront();

    @Test
    void parsesEveryMessageInEveryBundle() {
        messages.bundles().forEach((suffix, patterns) -> patterns.forEach((key, pattern) ->
                assertThat(new MessageFormat(pattern, new ULocale(suffix))).as(suffix + ":" + key).isNotNull()));
    }

    @Test
    void hasEveryKeyInEveryBundleOrOnTheFallbackList() throws IOException {
        Set<String> fallback = fallbackKeys();
        Set<String> english = messages.keys();

        messages.bundles().forEach((suffix, patterns) -> {
            Set<String> missing = new TreeSet<>(english);
            missing.removeAll(patterns.keySet());
            missing.removeAll(fallback);
            assertThat(missing).as("keys missing from the %s bundle", suffix).isEmpty();
            Set<String> unknown = new TreeSet<>(patterns.keySet());
            unknown.removeAll(english);
            assertThat(unknown).as("keys in the %s bundle but not in English", suffix).isEmpty();
        });
        assertThat(english).containsAll(fallback);
    }

    @Test
    void usesTheSameArgumentsInEveryTranslation() {
        Map<String, String> english = messages.bundles().get("en");
        messages.bundles().forEach((suffix, patterns) -> patterns.forEach((key, pattern) ->
                assertThat(arguments(pattern)).as(suffix + ":" + key).isEqualTo(arguments(english.get(key)))));
    }

    @Test
    void hasAStarterSetOfStorefrontMessages() {
        assertThat(messages.keys()).contains("site.name", "nav.home", "nav.cart", "price.label", "cart.title",
                "cart.items", "error.notFound.title", "error.badRequest.title", "address.error.required");
    }

    @ParameterizedTest(name = "{0} count {1}: \"{2}\"")
    @CsvSource({
        "en-US, 0, No items", "en-US, 1, 1 item", "en-US, 2, 2 items", "en-US, 1000, '1,000 items'",
        "ko-KR, 3, 상품 3개", "id-ID, 1000, 1.000 barang", "ja-JP, 2, 2点の商品", "zh-Hans-CN, 5, 5 件商品",
        "vi-VN, 2, 2 sản phẩm", "th-TH, 2, 2 รายการ", "ms-MY, 2, 2 item",
    })
    void pluralisesTheItemCountPerLanguage(String locale, int count, String expected) {
        assertThat(messages.format("cart.items", Locale.forLanguageTag(locale), Map.of("count", count)))
                .isEqualTo(expected);
    }

    @Test
    void fallsBackFromRegionToLanguageToEnglish() {
        assertThat(messages.format("nav.cart", Locale.forLanguageTag("id-ID"))).isEqualTo("Keranjang");
        assertThat(messages.format("nav.cart", Locale.forLanguageTag("zh-CN"))).isEqualTo("购物车");
        assertThat(messages.format("nav.cart", Locale.forLanguageTag("zh-TW"))).isEqualTo("Cart");
        assertThat(messages.format("nav.cart", Locale.forLanguageTag("fr-FR"))).isEqualTo("Cart");
        assertThat(messages.format("site.name", Locale.forLanguageTag("ko-KR"))).isEqualTo("Onshore");
        assertThat(messages.pattern("no.such.key", Locale.US)).isEmpty();
        assertThatThrownBy(() -> messages.format("no.such.key", Locale.US)).hasMessageContaining("no.such.key");
    }

    @Test
    void formatsSelectAndDateArguments() {
        assertThat(messages.format("order.status", Locale.forLanguageTag("ko-KR"), Map.of("status", "SHIPPED")))
                .isEqualTo("배송 중");
        assertThat(messages.format("order.status", Locale.US, Map.of("status", "WHATEVER"))).isEqualTo("Processing");
        assertThat(messages.format("order.placedOn", Locale.US, Map.of("date", new Date(0))))
                .startsWith("Ordered on ").contains("1970");
    }

    static Set<String> fallbackKeys() throws IOException {
        try (InputStream in = Messages.class.getResourceAsStream("storefront-fallback-keys.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
        }
    }

    static Set<String> arguments(String pattern) {
        return new TreeSet<>(new MessageFormat(pattern, ULocale.ENGLISH).getArgumentNames());
    }
}
