package dev.onshore.was.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onshore.i18n.market.Markets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorefrontLocalesUnitTests {

    private final StorefrontLocales locales = new StorefrontLocales(
            new StorefrontProperties(List.of("en-US", "ko-KR", "id-ID", "ms-MY", "en-SG", "zh-CN")),
            Markets.defaults());

    @Test
    void pageLocalesTakeTheirMarketFromTheMarketsAndTheFirstIsTheSiteDefault() {
        assertThat(locales.all()).extracting(StorefrontLocale::path)
                .containsExactly("en-us", "ko-kr", "id-id", "ms-my", "en-sg", "zh-cn");
        assertThat(locales.siteDefault().path()).isEqualTo("en-us");
        var indonesia = locales.fromPath("ID-id").orElseThrow();
        assertThat(indonesia.currency()).isEqualTo("IDR");
        assertThat(indonesia.settings().zone()).hasToString("Asia/Jakarta");
        assertThat(locales.fromPath("ja-jp")).as("a market without pages").isEmpty();
    }

    @Test
    void theFirstAcceptableLanguageWithPagesWinsAndAnythingElseGetsTheSiteDefault() {
        assertThat(locales.forAcceptLanguage("ms-MY,ms;q=0.9").path()).isEqualTo("ms-my");
        assertThat(locales.forAcceptLanguage("en-SG, en;q=0.9").path()).isEqualTo("en-sg");
        assertThat(locales.forAcceptLanguage("ko;q=0.5, id").path()).as("by quality").isEqualTo("id-id");
        assertThat(locales.forAcceptLanguage("zh-Hans-CN").path()).isEqualTo("zh-cn");
        assertThat(locales.forAcceptLanguage("id;q=0, *").path()).as("refused and wildcard").isEqualTo("en-us");
        assertThat(locales.forAcceptLanguage("fr-FR").path()).as("no pages in French").isEqualTo("en-us");
        assertThat(locales.forAcceptLanguage(null).path()).isEqualTo("en-us");
        assertThat(locales.forAcceptLanguage("x".repeat(10_000)).path()).isEqualTo("en-us");
    }

    @Test
    void aPageLocaleForACountryThatIsNoMarketIsRefusedAtStart() {
        assertThatThrownBy(() -> new StorefrontLocales(new StorefrontProperties(List.of("fr-FR")), Markets.defaults()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fr-FR");
    }
}
