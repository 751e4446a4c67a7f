package dev.onshore.was.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.onshore.was.CatalogTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Han characters shared by Chinese, Japanese and Korean are one code point with a different form in each language:
 * the font a page's text falls to must be its language's (issue 14: Chinese pages were drawn in the Korean font).
 * The cascade is played out on the style sheet each page inlines: a {@code :lang()} rule the page's language matches
 * beats {@code body} (it is more specific); among those, the last one wins.
 */
class CjkFontsIntegrationTests extends CatalogTestSupport {

    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^}]*)\\}");
    private static final Pattern LANG = Pattern.compile(":lang\\(([a-zA-Z-]+)\\)");
    private static final Pattern STYLE = Pattern.compile("(?s)<style>(.*?)</style>");
    private static final Pattern HTML_LANG = Pattern.compile("<html lang=\"([a-zA-Z-]+)\"");

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @CsvSource({"/zh-cn/, Noto Sans CJK SC", "/zh-sg/c/health.vitamins, Noto Sans CJK SC",
        "/ko-kr/, Noto Sans CJK KR", "/ja-jp/, Noto Sans CJK JP"})
    void aPagesHanCharactersFallToItsLanguagesCjkFontFirst(String page, String font) throws Exception {
        var html = mvc.perform(get(page)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var language = HTML_LANG.matcher(html).results().findFirst().orElseThrow().group(1);
        var style = STYLE.matcher(html).results().findFirst().orElseThrow().group(1);
        assertThat(firstCjkFont(fontFamilyFor(style, language))).as(page + " (" + language + ")").isEqualTo(font);
    }

    @Test
    void theSwitchersLinksToOtherLanguagesTakeTheirOwnFont() throws Exception {
        // On a Chinese page, "한국어" and "日本語" are Korean and Japanese text: their links say so (lang).
        var css = mvc.perform(get("/css/storefront.css")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(firstCjkFont(fontFamilyFor(css, "ko-KR"))).isEqualTo("Noto Sans CJK KR");
        assertThat(firstCjkFont(fontFamilyFor(css, "ja-JP"))).isEqualTo("Noto Sans CJK JP");
        assertThat(firstCjkFont(fontFamilyFor(css, "zh-SG"))).isEqualTo("Noto Sans CJK SC");
    }

    /** The font-family that the cascade gives an element of {@code language} (a BCP 47 tag). */
    private static List<String> fontFamilyFor(String css, String language) {
        var tag = language.toLowerCase(Locale.ROOT);
        String body = null;
        String byLanguage = null;
        for (var rule : RULE.matcher(css.replaceAll("(?s)/\\*.*?\\*/", "")).results().toList()) {
            var family = Pattern.compile("font-family:\\s*([^;]+)").matcher(rule.group(2));
            if (!family.find()) {
                continue;
            }
            for (var selector : rule.group(1).split(",")) {
                selector = selector.strip();
                if (selector.equals("body")) {
                    body = family.group(1);
                }
                var lang = LANG.matcher(selector);
                if (lang.matches()) {
                    var range = lang.group(1).toLowerCase(Locale.ROOT);
                    if (tag.equals(range) || tag.startsWith(range + "-")) {
                        byLanguage = family.group(1);
                    }
                }
            }
        }
        var family = byLanguage != null ? byLanguage : body;
        assertThat(family).as("a font-family for " + language).isNotNull();
        return List.of(family.split(",")).stream().map(name -> name.strip().replace("\"", "")).toList();
    }

    private static String firstCjkFont(List<String> family) {
        return family.stream().filter(name -> name.contains("CJK")).findFirst().orElse("none");
    }
}
