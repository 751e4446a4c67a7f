package dev.onshore.i18n.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class MarketsTests {

    @Test
    void definesTheLaunchMarketsWithKoreaAsTheSiteDefault() {
        Markets markets = Markets.defaults();

        assertThat(markets.countries()).containsExactlyInAnyOrder("KR", "ID", "MY", "SG", "US", "CN", "JP", "TH",
                "VN");
        assertThat(markets.siteDefault().country()).isEqualTo("KR");
        assertThat(markets.currencies()).extracting(c -> c.getCurrencyCode())
                .containsExactlyInAnyOrder("KRW", "USD", "IDR", "MYR", "SGD", "CNY", "JPY", "THB", "VND");
        assertThat(markets.locales()).first().isEqualTo(Locale.forLanguageTag("ko-KR"));
        assertThat(markets.locales()).extracting(Locale::toLanguageTag).contains("ko-KR", "en-US", "id-ID", "ms-MY",
                "zh-Hans-CN", "ja-JP", "th-TH", "vi-VN");
        Market indonesia = markets.find("id").orElseThrow();
        assertThat(indonesia.currency().getCurrencyCode()).isEqualTo("IDR");
        assertThat(indonesia.zone().getId()).isEqualTo("Asia/Jakarta");
        assertThat(indonesia.rounding()).hasToString("up-to:1000");
        assertThat(markets.find("US").orElseThrow().taxDisplay()).isEqualTo(TaxDisplay.EXCLUSIVE);
    }

    @Test
    void findsNothingForUnknownOrMalformedCountries() {
        Markets markets = Markets.defaults();

        assertThat(markets.find("FR")).isEmpty();
        assertThat(markets.find("")).isEmpty();
        assertThat(markets.find(null)).isEmpty();
        assertThat(markets.find("KOR")).isEmpty();
    }

    @Test
    void rejectsInconsistentConfigurationWithAClearMessage() {
        assertThatThrownBy(() -> Market.of("ID", "en-US", List.of("id-ID"), "IDR", "Asia/Jakarta", "standard",
                TaxDisplay.INCLUSIVE)).hasMessageContaining("default locale en-US is not among");
        assertThatThrownBy(() -> Market.of("Indonesia", "id-ID", List.of("id-ID"), "IDR", "Asia/Jakarta",
                "standard", TaxDisplay.INCLUSIVE)).hasMessageContaining("alpha-2");
        Market kr = Markets.defaults().siteDefault();
        assertThatThrownBy(() -> new Markets(List.of(kr, kr), "KR")).hasMessageContaining("twice");
        assertThatThrownBy(() -> new Markets(List.of(kr), "ID")).hasMessageContaining("default country ID");
    }
}
